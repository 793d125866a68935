/**
 * The WeCom app message of a SOP 待办 (R-8.3-01/02, I-118): a textcard whose button opens the to-do in the H5.
 * The task name is at most 30 字, so the description stays far within textcard's 512 bytes.
 */
export interface SopTodoTextcard {
  title: string;
  description: string;
  url: string;
  btntxt: string;
}

export const SOP_TODO_MESSAGE_TITLE = 'SOP任务提醒';

/** What the to-do card and the message say (R-8.3-02). */
export function sopTodoDescription(taskName: string): string {
  return `管理员发布了新的任务“${taskName}”，请及时去完成哟~`;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where the message's button leads: the to-do's page in the H5. */
export function sopTodoH5Url(publicUrl: string, todoId: string): string {
  return `${publicUrl}/h5/sop-todos/${encodeURIComponent(todoId)}`;
}

export function sopTodoTextcard(publicUrl: string, todo: { id: string; taskName: string }): SopTodoTextcard {
  return {
    title: SOP_TODO_MESSAGE_TITLE,
    description: `<div class="normal">${escapeHtml(sopTodoDescription(todo.taskName))}</div>`,
    url: sopTodoH5Url(publicUrl, todo.id),
    btntxt: '去完成',
  };
}
