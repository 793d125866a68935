/**
 * Servers given from outside through environment variables. When one is set, the stack does not start its
 * local twin and hands the value on unchanged (e.g. a MongoDB replica set, a production Elasticsearch).
 */
export interface ExternalServers {
  mongoUrl?: string;
  esUrl?: string;
  temporalAddress?: string;
  wecomApiBase?: string;
}

export function readExternalServers(env: NodeJS.ProcessEnv = process.env): ExternalServers {
  const pick = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  return {
    mongoUrl: pick('MONGO_URL'),
    esUrl: pick('ES_URL'),
    temporalAddress: pick('TEMPORAL_ADDRESS'),
    wecomApiBase: pick('WECOM_API_BASE'),
  };
}

/** A URL for printing: the password of `user:password@` replaced by ***. */
export function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):([^/@]*)@/, '//$1:***@');
}
