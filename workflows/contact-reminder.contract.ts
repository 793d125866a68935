import { defineQuery, defineSignal } from '@temporalio/workflow';

/** contactReminderWorkflow's input, signals and query (contact-reminder.workflow.ts), shared with the api. */
export interface ContactReminderInput {
  tenantId: string;
  recordId: string;
  /** The record @-mentions colleagues: they hear about it at once. */
  notifyMentions: boolean;
  /** 定时提醒 in epoch ms, or none. */
  remindAt?: number;
}

export interface ContactReminderState {
  remindAt: number | undefined;
  cancelled: boolean;
  sent: boolean;
}

/** The record was deleted (I-50): nothing more is sent. */
export const cancelReminderSignal = defineSignal('cancelReminder');
/** A new 定时提醒 time (epoch ms); the timer restarts from it. */
export const rescheduleReminderSignal = defineSignal<[number]>('rescheduleReminder');
export const reminderStateQuery = defineQuery<ContactReminderState>('reminderState');
