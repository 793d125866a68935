import { defineSignal } from '@temporalio/workflow';
import type { CorpTagWrite } from '../lib/tags/corp-tag-writes';

/** corpTagWritesWorkflow's input and signal (corp-tag-writes.workflow.ts), shared with the api. */
export interface CorpTagWritesInput {
  tenantId: string;
  /** Writes not yet applied, carried across continueAsNew. */
  pending: CorpTagWrite[];
}

/** Sent by the api after it saved a change of 企业微信标签 locally. */
export const corpTagWriteSignal = defineSignal<[CorpTagWrite]>('corpTagWrite');
