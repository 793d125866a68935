/** customerLossDigestWorkflow's input (customer-loss-digest.workflow.ts), shared with whoever starts it. */
export interface CustomerLossDigestInput {
  tenantId: string;
  /** The member who gets the digest. */
  recipient: string;
  /** The digest window (lib/customer-losses/digest-window.ts): its losses are read by it. */
  bucket: string;
  /** When the window ends, epoch ms: the digest goes out then (plus a grace for late starters). */
  sendAt: number;
}

/**
 * Starts for a window arriving a little after it ended (a loss recorded in its last instant) still find the
 * workflow waiting, so their loss is in the one message rather than in none.
 */
export const DIGEST_GRACE_MS = 30_000;
