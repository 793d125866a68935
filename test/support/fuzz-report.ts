/** What a schemathesis run did, read from its NDJSON report (`--report ndjson`). */
export interface FuzzSummary {
  requests: number;
  /** Operations that got at least one request. */
  operations: number;
  byStatusClass: Record<string, number>;
  /** One line per failed check or unacceptable answer: `<operation> <status>: <why>`. */
  failures: string[];
}

interface Interaction {
  request: { method: string; uri: string };
  response?: {
    status_code: number;
    headers: Record<string, string[]>;
    content?: { $base64?: string } | null;
  } | null;
}

interface ScenarioFinished {
  recorder: {
    label: string;
    checks?: Record<
      string,
      Array<{ name: string; status: string; failure_info?: { failure?: { title?: string } } }>
    >;
    interactions?: Record<string, Interaction>;
  };
}

interface NonFatalError {
  label?: string;
  value: { type: string; message: string };
}

const CHINESE = /[\u4e00-\u9fa5]/;

/**
 * Counts the run's requests and answers and lists what the product promises never to do: a failed check
 * (a 5xx, an answer outside its declared schema), a 4xx that is not a JSON error with a Chinese message, and a
 * request left without an answer.
 */
export function summariseFuzzRun(ndjson: string): FuzzSummary {
  const summary: FuzzSummary = { requests: 0, operations: 0, byStatusClass: {}, failures: [] };
  const operations = new Set<string>();
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as { ScenarioFinished?: ScenarioFinished; NonFatalError?: NonFatalError };
    // A request that got no answer (it timed out, the connection broke) is one of these, not an interaction.
    if (event.NonFatalError) {
      const { label, value } = event.NonFatalError;
      summary.failures.push(`${label ?? 'the run'}: no answer (${value.type}: ${value.message})`);
      continue;
    }
    const recorder = event.ScenarioFinished?.recorder;
    if (!recorder) continue;
    for (const [caseId, interaction] of Object.entries(recorder.interactions ?? {})) {
      const response = interaction.response;
      if (!response) continue;
      summary.requests += 1;
      operations.add(recorder.label);
      const statusClass = `${Math.floor(response.status_code / 100)}xx`;
      summary.byStatusClass[statusClass] = (summary.byStatusClass[statusClass] ?? 0) + 1;
      const where = `${recorder.label} ${response.status_code}`;
      for (const check of recorder.checks?.[caseId] ?? []) {
        if (check.status === 'failure') {
          summary.failures.push(`${where}: ${check.name}${describe(check.failure_info?.failure?.title)}`);
        }
      }
      if (statusClass === '4xx') {
        const problem = errorAnswerProblem(response);
        if (problem)
          summary.failures.push(
            `${where}: ${problem} (${interaction.request.method} ${interaction.request.uri})`,
          );
      }
    }
  }
  summary.operations = operations.size;
  summary.failures = [...new Set(summary.failures)];
  return summary;
}

function describe(title: string | undefined): string {
  return title ? ` (${title})` : '';
}

/** Why a 4xx answer is not the `{ error: { message } }` with a Chinese message that the admin shows. */
function errorAnswerProblem(response: NonNullable<Interaction['response']>): string | undefined {
  const contentType = Object.entries(response.headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1]?.[0];
  if (!contentType?.includes('application/json')) return `not JSON (${contentType ?? 'no content type'})`;
  const text = Buffer.from(response.content?.$base64 ?? '', 'base64').toString('utf8');
  let message: unknown;
  try {
    message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
  } catch {
    return 'a body that is not JSON';
  }
  if (typeof message !== 'string') return 'no error.message';
  return CHINESE.test(message) ? undefined : `a message that is not Chinese: ${message}`;
}
