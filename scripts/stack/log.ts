/** Progress lines of the local stack: one symbol, one component, one fact. */

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);

export const log = {
  /** A step that starts ("▸ Elasticsearch 8.19.21: downloading…"). */
  step: (msg: string) => console.log(`${paint('36', '▸')} ${msg}`),
  /** A step that finished ("✓ Elasticsearch ready on http://127.0.0.1:9200 (23 s)"). */
  done: (msg: string) => console.log(`${paint('32', '✓')} ${msg}`),
  /** Something skipped or degraded that the user should know about. */
  warn: (msg: string) => console.log(`${paint('33', '⚠')} ${msg}`),
  /** The reason a run stops. */
  fail: (msg: string) => console.error(`${paint('31', '✗')} ${msg}`),
  /** Plain information (URLs, summaries). */
  info: (msg: string) => console.log(msg),
  /** Indented detail lines (log tails). */
  detail: (text: string) => console.error(text.replace(/^/gm, '    │ ')),
};

/** Seconds since `startMs`, for progress lines: "23 s", "0.4 s". */
export function elapsed(startMs: number): string {
  const s = (Date.now() - startMs) / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}
