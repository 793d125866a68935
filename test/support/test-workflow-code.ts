import type { WorkerOptions } from '@temporalio/worker';
import { buildWorkflowBundle } from '../../worker/workflow-code';

let builtForThisFile: Promise<string> | undefined;

/**
 * The workflows' code for a test's worker or replay: the bundle `npm test` built once for the whole run
 * (WORKFLOW_BUNDLE_PATH), or, when jest runs without it, one built at the file's first worker and reused by the
 * file's others (webpack costs 1–3 s each time).
 */
export async function testWorkflowCode(): Promise<Pick<WorkerOptions, 'workflowBundle'>> {
  const codePath = process.env.WORKFLOW_BUNDLE_PATH;
  if (codePath) return { workflowBundle: { codePath } };
  builtForThisFile ??= buildWorkflowBundle();
  return { workflowBundle: { code: await builtForThisFile } };
}
