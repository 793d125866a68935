/** chatSearchRebuildWorkflow's input (chat-search-rebuild.workflow.ts): the alias and the index to refill. */
export interface ChatSearchRebuildInput {
  alias: string;
  index: string;
}
