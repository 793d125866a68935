import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The code that sent the command being started: the first frame of ours on the stack (outside node_modules and
 * lib/db/), as `lib/customers/x.ts (listCustomers)`. V8's async stack traces carry the awaiting callers through
 * the driver's promises and through mongoose's thenable queries (`await Model.find()` runs exec from a
 * microtask, and V8 still links it to the function awaiting it). An AsyncLocalStorage carried the caller from
 * the query's builder before: once enabled, it runs a hook at every promise the process makes, about 8 % of the
 * integration tests' CPU. Read from V8's call sites, not from the stack's text: formatting the text has jest (or
 * tsx) map every frame through its source map. A frame's line is the transpiled code's, so it is left out; the
 * function's name survives transpiling.
 */
export function sourceOfCommand(): string | undefined {
  const { stackTraceLimit, prepareStackTrace } = Error;
  Error.stackTraceLimit = 80;
  Error.prepareStackTrace = (_error, sites) => sites;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder, sourceOfCommand);
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
