/** customerLossDigestWorkflow's input (customer-loss-digest.workflow.ts), shared with whoever starts it. */
export interface CustomerLossDigestInput {
  tenantId: string;
  /** The member who gets the digest. */
  recipient: string;
  /** The digest window (lib/customer-losses/digest-window.ts): its losses are read by it. */
  bucket: string;
  /**
   * When the digest goes out, epoch ms: the window's end plus a grace (digestSendAt), so that a start
   * arriving a little after the window ended (a loss recorded in its last instant) still finds the workflow
   * waiting, and its loss is in the one message rather than in none.
   */
  sendAt: number;
}
