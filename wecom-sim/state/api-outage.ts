/**
 * A WeCom outage, switched on and off through the scenario API: while it lasts, the chosen /cgi-bin paths
 * (all of them by default, gettoken included) answer either WeCom's "system busy" (HTTP 200, errcode -1) or a
 * bare HTTP 503, as a gateway in front of WeCom would. Clients must retry both and lose nothing.
 */
export type OutageMode = 'busy' | 'http-503';

export interface OutageSettings {
  mode: OutageMode;
  /** WeCom API paths such as /user/create; absent = every path. */
  paths?: string[];
}

export class ApiOutage {
  private settings: OutageSettings | undefined;
  private failedCalls = 0;

  start(settings: OutageSettings): void {
    this.settings = { mode: settings.mode, paths: settings.paths?.length ? [...settings.paths] : undefined };
    this.failedCalls = 0;
  }

  stop(): void {
    this.settings = undefined;
  }

  /** The mode to fail this call with, or undefined when the call goes through; counts the failures. */
  failureFor(path: string): OutageMode | undefined {
    if (!this.settings) return undefined;
    if (this.settings.paths && !this.settings.paths.includes(path)) return undefined;
    this.failedCalls += 1;
    return this.settings.mode;
  }

  status(): { active: boolean; mode: OutageMode | null; paths: string[] | null; failedCalls: number } {
    return {
      active: this.settings !== undefined,
      mode: this.settings?.mode ?? null,
      paths: this.settings?.paths ?? null,
      failedCalls: this.failedCalls,
    };
  }
}
