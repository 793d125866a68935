import { rollUpDay, type RollUpDayInput, type RollUpDayResult } from '../lib/analytics/roll-up-day';
import type { ListSearch } from '../lib/search/list-read-model';
import type { StatisticsApi } from '../lib/wecom/statistics-api';
import { heartbeatOrStop } from './cancellation-checkpoint';
import type { CredentialsLoader } from './tenant-credentials';
import { withWeComFailures } from './wecom-failure';

export interface AnalyticsRollupDeps {
  listSearch: ListSearch;
  statistics: StatisticsApi;
  credentials: CredentialsLoader;
}

export interface AnalyticsRollupActivities {
  rollUpAnalyticsDay(input: RollUpDayInput): Promise<RollUpDayResult>;
}

/**
 * The 统计分析 rollup of one tenant and one China day (lib/analytics/roll-up-day.ts), heartbeating at every step
 * and batch. It replaces the day's rows whole, so a retry after a crash or a re-run of the day gives the same rows.
 */
export function createAnalyticsRollupActivities(deps: AnalyticsRollupDeps): AnalyticsRollupActivities {
  return {
    rollUpAnalyticsDay: (input) =>
      withWeComFailures(() =>
        rollUpDay(
          {
            listSearch: deps.listSearch,
            statistics: deps.statistics,
            credentials: deps.credentials,
            progress: (step) => heartbeatOrStop({ day: input.day, step }),
            now: () => new Date(),
          },
          input,
        ),
      ),
  };
}
