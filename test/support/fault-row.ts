import request from 'supertest';
import type { FaultProcess } from '../../scripts/stack/fault-matrix';
import { startTestApp, type TestApp } from './app-harness';
import { faultCells, type FaultCellProcess } from './fault-cells';
import { startFaultRig, type FaultRig } from './fault-rig';
import { simulator, type SimCorp } from './sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from './tenant-fixture';

/** The admin's browser: a session on the rig's api process (a signed cookie, good after an api kill). */
export type Operator = ReturnType<typeof request.agent>;

/** What a fault matrix row's cells reach: set up before the first cell runs. */
export interface FaultRow {
  app: TestApp;
  rig: FaultRig;
  /** A tenant bound to a fresh simulator corp, its admin on the row's next phone number. */
  boundTenant(
    prefix: string,
    corpName: string,
  ): Promise<{ tenantId: string; corp: SimCorp; adminMobile: string }>;
  /** A tenant's admin logged in to the rig's api process, which the api-kill cell kills. */
  operator(adminMobile: string): Promise<Operator>;
}

/** Long enough for a row that binds a corp and syncs it before its first cell. */
const SETUP_TIMEOUT_MS = 240_000;
/** Each row has a database of its own (startTestApp), so its admins' phones only differ from each other. */
const FIRST_MOBILE = 13700000900;

/**
 * One row of the fault matrix, a test file's whole body: a test app, a rig (a worker and an api process of
 * the row's own behind fault switches), the worker started, the row's shared setup, WeCom slowed down where
 * the row asks, then one cell per fault (fault-cells.ts), and everything closed after.
 */
export function describeFaultRow<Run>(
  processName: FaultProcess,
  options: {
    /** Names the row's database and logs (`faults-<name>-worker.log`, `faults-<name>-api.log`). */
    name: string;
    /** WeCom paths slowed down outside faults (ms), so that a fault lands inside the process. */
    wecomLatency?: Record<string, number>;
    /** What every run of the row shares (a tenant, a synced corp…), made once the worker runs. */
    setup?: (row: FaultRow) => Promise<void>;
  },
  cell: (row: FaultRow) => FaultCellProcess<Run>,
): void {
  describe(`${processName} × faults`, () => {
    let app: TestApp | undefined;
    let rig: FaultRig | undefined;
    let mobile = FIRST_MOBILE;
    const row: FaultRow = {
      get app() {
        if (!app) throw new Error('the row is not set up');
        return app;
      },
      get rig() {
        if (!rig) throw new Error('the row is not set up');
        return rig;
      },
      async boundTenant(prefix, corpName) {
        const tenantId = freshTenantId(prefix);
        const corp = await simulator.createCorp(corpName);
        const adminMobile = String((mobile += 1));
        await createBoundTenant(tenantId, corp, { adminMobile });
        return { tenantId, corp, adminMobile };
      },
      async operator(adminMobile) {
        const agent = request.agent(row.rig.api.url);
        await agent
          .post('/api/auth/login')
          .send({ phone: adminMobile, password: ADMIN_PASSWORD })
          .expect(200);
        return agent;
      },
    };

    beforeAll(async () => {
      app = await startTestApp(`faults-${options.name}`);
      rig = await startFaultRig(app, options.name);
      await rig.worker.start();
      await options.setup?.(row);
      for (const [path, ms] of Object.entries(options.wecomLatency ?? {})) await rig.setBaseLatency(path, ms);
    }, SETUP_TIMEOUT_MS);

    // A cell that slows Elasticsearch down for its process must not slow the next cell's setup.
    afterEach(() => rig?.setSearchDelay(0));

    afterAll(async () => {
      await rig?.close();
      await app?.stop();
    }, 60_000);

    faultCells(processName, () => row.rig, cell(row));
  });
}
