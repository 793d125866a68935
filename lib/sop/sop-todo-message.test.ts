import { sopTodoDescription, sopTodoTextcard } from './sop-todo-message';

describe('the SOP 待办 app message', () => {
  it('says which task was published and links to the to-do in the H5', () => {
    expect(sopTodoDescription('回访')).toBe('管理员发布了新的任务“回访”，请及时去完成哟~');
    const card = sopTodoTextcard('https://scrm.example.com', {
      id: 'p1|t1|29000000|lina',
      taskName: '<回访>',
    });
    expect(card).toEqual({
      title: 'SOP任务提醒',
      description: '<div class="normal">管理员发布了新的任务“&lt;回访&gt;”，请及时去完成哟~</div>',
      url: 'https://scrm.example.com/h5/sop-todos/p1%7Ct1%7C29000000%7Clina',
      btntxt: '去完成',
    });
  });

  it('keeps within textcard’s 512-byte description for the longest task name', () => {
    const card = sopTodoTextcard('https://scrm.example.com', { id: 'x', taskName: '&'.repeat(30) });
    expect(Buffer.byteLength(card.description, 'utf8')).toBeLessThanOrEqual(512);
  });
});
