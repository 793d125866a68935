/** newContactWelcomeWorkflow's input (new-contact-welcome.workflow.ts), shared with the callback receiver. */
export interface NewContactWelcomeInput {
  tenantId: string;
  /** The add_external_contact event's inbox key: one workflow per event, so a redelivery sends nothing again. */
  inboxKey: string;
}
