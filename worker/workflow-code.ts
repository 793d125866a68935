import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';

const WORKFLOWS_PATH = require.resolve('../workflows');
/** Workflow interceptors: bundled into the code, so a prebuilt bundle carries them too. */
const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../workflows/log-failures')];

/**
 * Where a worker gets its workflow code: the prebuilt bundle at `bundlePath` (WORKFLOW_BUNDLE_PATH, written by
 * `writeWorkflowBundle`), or else a bundle webpack builds at the worker's start (1–3 s of CPU each time: the
 * test runs start hundreds of workers and build it once; a deployment may do the same).
 */
export function workflowCode(
  bundlePath?: string,
): Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle'> & { workflowModules?: string[] } {
  if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
  return { workflowsPath: WORKFLOWS_PATH, workflowModules: WORKFLOW_INTERCEPTOR_MODULES };
}

/** The workflows' bundle, interceptors included, as code a worker's `workflowBundle` takes. */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  });
  return code;
}

/** Builds the workflows' bundle into `file`, for WORKFLOW_BUNDLE_PATH. */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const code = await buildWorkflowBundle();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
}
