import { insertManyOnce } from '../db/insert-many-once';
import { SOP_REACH_ALL, SopReachModel } from '../models/sop-reach.model';
import { SopTargetModel } from '../models/sop-target.model';
import { SopTodoModel, type SopTodo } from '../models/sop-todo.model';
import { businessDay } from '../org/manual-sync-quota';
import { writeListRows, type ListSearch } from '../search/list-read-model';
import { sopTargetReadModel } from '../search/sop-target-index';

/**
 * 我已完成 (R-8.3-05, I-116): the to-do is done and each of its members becomes 已接收 (for 朋友圈 too: every
 * target is reached). The members and their 触达 rows are written before the to-do itself, so that a press
 * retried after a crash finishes what the first began; pressing a done to-do again changes nothing.
 * Answers the to-do, or null when the caller has no such to-do.
 */
export async function completeSopTodo(
  search: ListSearch,
  tenantId: string,
  todoId: string,
  userid: string,
  now: Date,
): Promise<SopTodo | null> {
  const todo = await SopTodoModel.findOne({ tenantId, _id: todoId }).lean<SopTodo>();
  if (!todo || todo.assigneeUserid !== userid) return null;
  if (todo.done) return todo;
  const targets = await SopTargetModel.find({ tenantId, todoId }, { memberId: 1, received: 1 }).lean();
  const receiving = targets.filter((target) => !target.received);
  await writeListRows(
    search,
    sopTargetReadModel,
    tenantId,
    receiving.map((target) => target._id),
    () =>
      SopTargetModel.updateMany(
        { tenantId, todoId, received: false },
        { $set: { received: true, receivedAt: now } },
      ),
  );
  const day = businessDay(now);
  const reach = targets.flatMap((target) =>
    [todo.taskId, SOP_REACH_ALL].flatMap((taskId) =>
      [day, SOP_REACH_ALL].map((onDay) => ({
        _id: `${todo.planId}|${taskId}|${onDay}|${target.memberId}`,
        tenantId,
        planId: todo.planId,
        taskId,
        day: onDay,
        memberId: target.memberId,
      })),
    ),
  );
  await insertManyOnce(SopReachModel, reach);
  await SopTodoModel.updateOne({ tenantId, _id: todoId }, { $set: { done: true, doneAt: now } });
  return { ...todo, done: true, doneAt: now };
}
