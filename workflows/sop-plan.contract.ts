import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { SopTiming } from '../lib/contracts/sop.contract';

/**
 * sopPlanWorkflow's contract (`sop-plan/<tenant>/<planId>`, W-15): its input, signal and query, shared with
 * the api, and the pure rules of the plan's timeline.
 *
 * The plan's workflow is the single owner of its schedule. The api only saves the plan and then sends
 * `sopPlanChanged` with signalWithStart (create, edit, switch, delete: the workflow reads the plan itself).
 * Members enter through the workflow alone (an audience scan at switch-on and for tasks added later, and a
 * poll of the search indexes' recent changes every minute), so no callback or sync has to know about SOP.
 * Reminders are rows keyed by member and task (sop_reminders); the workflow keeps only the set of pending
 * slots (task × minute), bounded by the timings' ranges (I-113), carried over continueAsNew.
 */
export interface SopPlanWorkflowInput {
  tenantId: string;
  planId: string;
  /** Carried over continueAsNew: what the previous run had established. */
  carried?: SopPlanCarried;
}

export interface SopPlanCarried {
  /** Whether the plan was on at the end of the previous run (a switch-on is a change from off). */
  enabled: boolean;
  /** Tasks already applied to the members who had entered (a new task is applied to them from now). */
  appliedTaskIds: string[];
  /** Pending slots, earliest first. */
  slots: SopSlot[];
  /** Epoch ms up to which the search indexes' changes were scanned for new entrants. */
  scannedUntil: number | null;
}

/** The members of one task due in one minute (epoch minute), fired together (I-118). */
export interface SopSlot {
  taskId: string;
  minute: number;
}

export interface SopPlanState {
  enabled: boolean;
  pendingSlots: number;
  /** Epoch ms of the earliest pending slot. */
  nextDueAt: number | null;
  scannedUntil: number | null;
}

/** The plan was created, edited, switched or deleted: re-read it now. */
export const sopPlanChangedSignal = defineSignal('sopPlanChanged');
export const sopPlanStateQuery = defineQuery<SopPlanState>('sopPlanState');

export const MINUTE_MS = 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * When a task's reminder is due for a member who entered at `enteredAt` (I-113): X小时Y分钟 later, or on the
 * Nth China day after entering at HH:mm (the entry day itself for N = 0, even when HH:mm has passed: then at
 * once).
 */
export function sopDueAt(enteredAt: number, timing: SopTiming): number {
  if (timing.mode === 'after') return enteredAt + (timing.hours * 60 + timing.minutes) * MINUTE_MS;
  const [hours, minutes] = timing.time.split(':').map(Number);
  const chinaMidnight = Math.floor((enteredAt + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  const due = chinaMidnight + timing.days * DAY_MS + (hours * 60 + minutes) * MINUTE_MS;
  return Math.max(due, enteredAt);
}

export const sopMinuteOf = (epochMs: number) => Math.floor(epochMs / MINUTE_MS);
export const sopSlotKey = (planId: string, slot: SopSlot) => `${planId}|${slot.taskId}|${slot.minute}`;
