/**
 * The servers the tests run against, started by `npm test` (scripts/test.ts). Running jest directly
 * without them fails here with a clear message instead of timing out later.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through \`npm test\`, which starts the stack`);
  return value;
}

export const stackEnv = {
  get mongoUrl() {
    return required('MONGO_URL');
  },
  get esUrl() {
    return required('ES_URL');
  },
  get temporalAddress() {
    return required('TEMPORAL_ADDRESS');
  },
  get wecomApiBase() {
    return required('WECOM_API_BASE');
  },
  /** Schemathesis's CLI, installed by `npm test` into a Python venv of its own. */
  get schemathesisBin() {
    return required('SCHEMATHESIS_BIN');
  },
  get temporalBin() {
    return required('TEMPORAL_BIN');
  },
  /** Temporal's time-skipping test server, for workflow tests whose timers run for days. */
  get temporalTestServerBin() {
    return required('TEMPORAL_TEST_SERVER_BIN');
  },
};

/** A database of its own for each test file, on the same server. */
export function isolatedMongoUrl(suite: string): string {
  const url = new URL(stackEnv.mongoUrl);
  url.pathname = `/${url.pathname.replace(/^\//, '') || 'scrm_test'}_${suite}`.replace(/[^\w/]/g, '_');
  return url.toString();
}
