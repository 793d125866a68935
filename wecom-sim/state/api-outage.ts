/**
 * A WeCom outage, switched on and off through the scenario API: while it lasts, the chosen /cgi-bin paths
 * (all of them by default, gettoken included) answer either WeCom's "system busy" (HTTP 200, errcode -1) or a
 * bare HTTP 503, as a gateway in front of WeCom would. Clients must retry both and lose nothing.
 * An outage is for every corp, or for one corp's calls only (a test's own corp: the other suites of a run go on).
 */
export type OutageMode = 'busy' | 'http-503';

export interface OutageSettings {
  mode: OutageMode;
  /** WeCom API paths such as /user/create; absent = every path. */
  paths?: string[];
}

export interface OutageStatus {
  active: boolean;
  mode: OutageMode | null;
  paths: string[] | null;
  failedCalls: number;
}

/** The scope of the outage for every corp. */
const EVERY_CORP = '';

export class ApiOutage {
  private readonly outages = new Map<string, { settings: OutageSettings; failedCalls: number }>();

  start(settings: OutageSettings, corpId: string = EVERY_CORP): void {
    this.outages.set(corpId, {
      settings: { mode: settings.mode, paths: settings.paths?.length ? [...settings.paths] : undefined },
      failedCalls: 0,
    });
  }

  stop(corpId: string = EVERY_CORP): void {
    this.outages.delete(corpId);
  }

  stopAll(): void {
    this.outages.clear();
  }

  /** The mode to fail this call with, or undefined when the call goes through; counts the failures. */
  failureFor(path: string, corpId?: string): OutageMode | undefined {
    for (const scope of corpId ? [corpId, EVERY_CORP] : [EVERY_CORP]) {
      const outage = this.outages.get(scope);
      if (!outage || (outage.settings.paths && !outage.settings.paths.includes(path))) continue;
      outage.failedCalls += 1;
      return outage.settings.mode;
    }
    return undefined;
  }

  status(corpId: string = EVERY_CORP): OutageStatus {
    const outage = this.outages.get(corpId);
    return {
      active: outage !== undefined,
      mode: outage?.settings.mode ?? null,
      paths: outage?.settings.paths ?? null,
      failedCalls: outage?.failedCalls ?? 0,
    };
  }
}
