import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import mongoose from 'mongoose';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = Symbol('query source');
const sending = new AsyncLocalStorage<string | undefined>();

/** Query methods that Model.find, updateMany, countDocuments… call synchronously from the caller's frame. */
const BUILDERS = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
] as const;

/**
 * The first frame of ours on the stack (outside node_modules and lib/db/): `lib/customers/x.ts (listCustomers)`.
 * Read from V8's call sites, not from the stack's text: formatting the text has jest (or tsx) map every frame
 * through its source map, which cost more CPU than the rest of recording a query's shape. A frame's line is the
 * transpiled code's, so it is left out; the function's name survives transpiling.
 */
function callerOnStack(): string | undefined {
  const { stackTraceLimit, prepareStackTrace } = Error;
  Error.stackTraceLimit = 80;
  Error.prepareStackTrace = (_error, sites) => sites;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder, callerOnStack);
  const sites = holder.stack ?? [];
  Error.stackTraceLimit = stackTraceLimit;
  Error.prepareStackTrace = prepareStackTrace;
  for (const site of sites) {
    const fileName = site.getFileName()?.replace(/^file:\/\//, '');
    if (!fileName?.startsWith('/')) continue;
    const file = path.relative(ROOT, fileName);
    if (file.startsWith('..') || /^(node_modules|lib\/db)\//.test(file)) continue;
    const name = site.getFunctionName() ?? site.getMethodName();
    return name ? `${file} (${name})` : file;
  }
  return undefined;
}

type Method = (this: Record<symbol, unknown>, ...args: unknown[]) => unknown;

function wrap(proto: object, name: string, around: (original: Method) => Method): void {
  const methods = proto as Record<string, Method>;
  methods[name] = around(methods[name]);
}

let tracing = false;

/**
 * Makes `sourceOfCommand` name the code behind each command. Mongoose queries are thenables: `await
 * Model.find()` runs exec from a microtask whose stack no longer shows the caller. So the caller is noted where
 * the query is built (synchronously, under the caller's frame) and carried to the driver's `commandStarted`
 * event through AsyncLocalStorage around exec. Only for recording query shapes: it patches mongoose's prototypes.
 */
export function traceQuerySources(): void {
  if (tracing) return;
  tracing = true;
  const note = (original: Method): Method =>
    function (...args) {
      this[SOURCE] ??= callerOnStack();
      return original.apply(this, args);
    };
  const carry = (original: Method): Method =>
    function (...args) {
      return sending.run(this[SOURCE] as string | undefined, () => original.apply(this, args));
    };
  for (const name of BUILDERS) wrap(mongoose.Query.prototype, name, note);
  wrap(mongoose.Query.prototype, 'exec', carry);
  wrap(mongoose.Aggregate.prototype, 'model', note);
  wrap(mongoose.Aggregate.prototype, 'exec', carry);
}

/**
 * The code that sent the command being started: the mongoose query's builder, or else the stack itself (the
 * driver's own promises keep the awaiting callers in V8's async stack traces: bulkWrite, raw collections).
 */
export function sourceOfCommand(): string | undefined {
  return sending.getStore() ?? callerOnStack();
}
