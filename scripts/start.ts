/**
 * `npm start`: the whole product on this machine, dev profile.
 * FerretDB, Elasticsearch and the Temporal dev server (with its Web UI) are provisioned under .stack/ and
 * started, then the WeCom simulator, the admin build, the demo seed, the api and the worker.
 * Each of MONGO_URL, ES_URL, TEMPORAL_ADDRESS, WECOM_API_BASE replaces its local twin when set.
 * Ctrl-C stops everything in reverse order. Data stays in .stack/dev/ between runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiService, appEnv, SEED_ENTRY, simulatorService, workerService } from './stack/apps';
import { runCommand } from './stack/exec';
import { redact } from './stack/external';
import { prepareProfile, startInfra } from './stack/infra';
import { runScript } from './stack/lifecycle';
import { elapsed, log } from './stack/log';
import { ROOT, shortPath } from './stack/paths';
import { profile } from './stack/profiles';
import { buildAdmin } from './stack/web-build';
import { demoSidePanelLinks, DEMO_SIDE_PANEL_USERID } from './stack/demo-links';
import { watchDemo } from './stack/demo-watch';
import { DEMO_LOGIN, DEMO_OPERATOR_LOGIN, DEMO_TENANT_ID } from './demo/demo-tenant';

const dev = profile('dev');

runScript(dev, async (supervisor) => {
  const began = Date.now();
  if (process.argv.length > 2)
    log.warn(`npm start takes no arguments; ignoring: ${process.argv.slice(2).join(' ')}`);
  await prepareProfile(dev);
  const { ports } = dev;
  const externalSim = Boolean(process.env.WECOM_API_BASE?.trim());

  const appPorts = [
    { component: 'api', port: ports.api, alternative: 'stop the other `npm start`' },
    ...(externalSim
      ? []
      : [
          {
            component: 'WeCom simulator',
            port: ports.sim,
            alternative: 'set WECOM_API_BASE to use another WeCom API',
          },
        ]),
  ];
  // The admin build is independent of the servers and the apps: run it alongside, and wait for it only before
  // saying everything is running (the api answers 管理后台正在构建 until then). Settled at once, so a failed
  // build is reported there, not as an unhandled rejection while the servers start.
  const adminBuild = buildAdmin(path.join(dev.logDir, 'web-build.log')).then(
    () => null,
    (error: unknown) => error,
  );
  const infra = await startInfra(dev, supervisor, { appPorts });

  const wecomApiBase = infra.external.wecomApiBase ?? `http://127.0.0.1:${ports.sim}`;
  const env = appEnv(dev, { ...infra, wecomApiBase }, 'development');
  if (externalSim) log.done(`WeCom API: using WECOM_API_BASE=${wecomApiBase} (no local simulator)`);
  else await supervisor.start(simulatorService(dev, env));

  if (fs.existsSync(path.join(ROOT, SEED_ENTRY))) {
    const seedBegan = Date.now();
    log.step(`Demo data: seeding (${SEED_ENTRY})…`);
    await runCommand(process.execPath, ['--import', 'tsx', SEED_ENTRY], {
      what: 'seeding the demo data',
      cwd: ROOT,
      env,
      logFile: path.join(dev.logDir, 'seed.log'),
      echo: true,
    });
    log.done(`Demo data: seeded (${elapsed(seedBegan)})`);
  } else {
    log.warn(`Demo data: ${SEED_ENTRY} does not exist yet, nothing seeded`);
  }

  await supervisor.start(apiService(dev, env));
  await supervisor.start(workerService(env));
  let simulatorSince: number | undefined;
  if (!externalSim && fs.existsSync(path.join(ROOT, SEED_ENTRY))) {
    simulatorSince = Date.now();
    // The simulator checks the callback URL with a live echostr handshake, so this waits for the api.
    await runCommand(process.execPath, ['--import', 'tsx', SEED_ENTRY, '--simulator'], {
      what: 'connecting the simulator callbacks and chat archive',
      cwd: ROOT,
      env,
      logFile: path.join(dev.logDir, 'seed.log'),
      echo: true,
    });
  }

  const buildFailure = await adminBuild;
  if (buildFailure) throw buildFailure;

  const adminUrl = `http://127.0.0.1:${ports.api}/`;
  const sidePanel = externalSim ? null : demoSidePanelLinks(wecomApiBase, adminUrl);
  const lines = [
    ['Admin', `${adminUrl}  (${DEMO_LOGIN})`],
    ['Platform console', `${adminUrl}platform  (${DEMO_OPERATOR_LOGIN})`],
    ...(sidePanel
      ? [
          [`H5 single chat`, `${sidePanel.single}`],
          [`H5 group chat`, `${sidePanel.group}`],
        ]
      : []),
    ['Temporal UI', infra.temporalUiUrl ?? `(external Temporal at ${infra.temporalAddress})`],
    ['WeCom simulator', externalSim ? `(external: ${wecomApiBase})` : wecomApiBase],
    ['Elasticsearch', redact(infra.esUrl)],
    ['MongoDB', redact(infra.mongoUrl)],
    ['Logs', shortPath(dev.logDir)],
  ];
  log.info('');
  log.done(`Everything is running (${elapsed(began)}). Ctrl-C stops it.`);
  for (const [name, value] of lines) log.info(`  ${name.padEnd(16)} ${value}`);
  if (sidePanel)
    log.info(
      `  (the H5 links open the side panel as ${DEMO_SIDE_PANEL_USERID} in the simulated WeCom client)`,
    );
  log.info('');
  // The syncs and the archive ingest fill the demo in the background: one line as each finishes or fails.
  void watchDemo({
    temporalAddress: infra.temporalAddress,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    tenantId: DEMO_TENANT_ID,
    since: began,
    simulatorSince,
  });

  // Run until a signal (handled by runScript) or a crash.
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
  return 0;
});
