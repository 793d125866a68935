import type { SopContent, SopTodoDetail } from '../../../lib/contracts/sop.contract';
import { customersByExternalUserid } from '../../../lib/customers/customers-by-id';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { GroupTagGroupModel } from '../../../lib/models/group-tag.model';
import { SopTargetModel } from '../../../lib/models/sop-target.model';
import { SopTodoModel, type SopTodo } from '../../../lib/models/sop-todo.model';
import { sopMedia } from '../../../lib/sop/sop-media-store';
import { completeSopTodo } from '../../../lib/sop/sop-todo-completion';
import { sopTodoDescription } from '../../../lib/sop/sop-todo-message';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';

const NOT_FOUND = () => notFound('任务不存在', 'SOP_TODO_NOT_FOUND');

type Page = { page: number; pageSize: number };

const cardOf = (todo: SopTodo) => ({
  id: todo._id,
  taskName: todo.taskName,
  description: sopTodoDescription(todo.taskName),
  dueAt: todo.dueAt.toISOString(),
  done: todo.done ?? false,
});

/**
 * The member's 待办 (R-8.3-02): their to-dos of the tab, newest first. Equality on {tenantId, assigneeUserid,
 * done} (indexed, pushed down); FerretDB orders that member's to-dos of the tab itself. 未完成 stays small (a
 * member finishes their to-dos); 已完成 grows with the member's history, and would move to a read model if
 * members came to keep thousands.
 */
export async function listSopTodos(caller: Caller, query: Page & { tab: 'open' | 'done' }) {
  const filter = { tenantId: caller.tenantId, assigneeUserid: caller.userid, done: query.tab === 'done' };
  const [todos, total] = await Promise.all([
    SopTodoModel.find(filter)
      .sort({ dueAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<SopTodo[]>(),
    SopTodoModel.countDocuments(filter),
  ]);
  return { items: todos.map(cardOf), total, page: query.page, pageSize: query.pageSize };
}

/** The caller's own to-do; anyone else's is unknown to them. */
async function ownTodo(caller: Caller, todoId: string): Promise<SopTodo> {
  const todo = await SopTodoModel.findOne({ tenantId: caller.tenantId, _id: todoId }).lean<SopTodo>();
  if (!todo || todo.assigneeUserid !== caller.userid) throw NOT_FOUND();
  return todo;
}

/** A content as the H5 shows it: a file by the URL the member's browser loads it from. */
function contentView(content: SopContent, fileUrl: (fileId: string) => string) {
  switch (content.kind) {
    case 'text':
      return { kind: content.kind, text: content.text };
    case 'image':
    case 'video':
      return { kind: content.kind, title: content.name, fileUrl: fileUrl(content.fileId) };
    case 'link':
      return {
        kind: content.kind,
        title: content.title,
        url: content.url,
        desc: content.desc,
        picUrl: content.picUrl,
      };
    case 'news':
    case 'poster':
      return { kind: content.kind, title: content.title, fileUrl: fileUrl(content.fileId) };
  }
}

function detailOf(todo: SopTodo, tenantId: string, publicUrl: string): SopTodoDetail {
  return {
    ...cardOf(todo),
    channel: todo.channel as SopTodoDetail['channel'],
    scopeKind: todo.scopeKind as SopTodoDetail['scopeKind'],
    contents: (todo.contents as SopContent[]).map((content) =>
      contentView(content, (fileId) => sopMedia.url(publicUrl, tenantId, fileId)),
    ),
    targetCount: todo.targetCount,
    doneAt: todo.doneAt?.toISOString() ?? null,
  };
}

/** 任务详情 (R-8.3-03). */
export async function sopTodoDetail(
  caller: Caller,
  { todoId }: { todoId: string },
  { config }: Pick<AppContext, 'config'>,
): Promise<SopTodoDetail> {
  return detailOf(await ownTodo(caller, todoId), caller.tenantId, config.publicUrl);
}

/**
 * 目标客户 / 目标群 (R-8.3-04, I-118), paged; none for 朋友圈. A member is named by the id the H5's 聊天 opens:
 * the customer's externalUserid, the group's chatId. A to-do's members are one staff member's members due in
 * one minute of one task, read by {tenantId, todoId} (indexed) and ordered here.
 */
export async function sopTodoTargets(caller: Caller, { todoId, page, pageSize }: Page & { todoId: string }) {
  const todo = await ownTodo(caller, todoId);
  if (todo.channel === 'moments') return { items: [], total: 0, page, pageSize };
  const targets = await SopTargetModel.find(
    { tenantId: caller.tenantId, todoId },
    { memberId: 1, memberName: 1 },
  ).lean();
  targets.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  const shown = targets.slice((page - 1) * pageSize, page * pageSize);
  const items =
    todo.scopeKind === 'groups'
      ? await groupTargets(caller.tenantId, shown)
      : await customerTargets(caller.tenantId, shown);
  return { items, total: targets.length, page, pageSize };
}

type Shown = Array<{ memberId: string; memberName?: string | null }>;

async function customerTargets(tenantId: string, shown: Shown) {
  const [customers, tagGroups] = await Promise.all([
    customersByExternalUserid<{
      externalUserid: string;
      name?: string;
      avatar?: string;
      type?: number;
      tagIds?: string[];
    }>(
      tenantId,
      shown.map((target) => target.memberId),
      { externalUserid: 1, name: 1, avatar: 1, type: 1, tagIds: 1 },
    ),
    CorpTagGroupModel.find({ tenantId }, { 'tags.tagId': 1, 'tags.name': 1 }).lean(),
  ]);
  const byId = new Map(customers.map((customer) => [customer.externalUserid, customer]));
  const tagNames = new Map(tagGroups.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag.name])));
  return shown.map((target) => {
    const customer = byId.get(target.memberId);
    return {
      id: target.memberId,
      name: customer?.name || target.memberName || '',
      avatar: customer?.avatar ?? '',
      type: customer?.type ?? 1,
      tags: (customer?.tagIds ?? []).flatMap((id) => tagNames.get(id) ?? []),
    };
  });
}

async function groupTargets(tenantId: string, shown: Shown) {
  const [groups, tagGroups] = await Promise.all([
    findMatchingAny<{ chatId: string; name?: string; groupTagIds?: string[] }>(
      CustomerGroupModel,
      shown.map((target) => ({ tenantId, chatId: target.memberId })),
      { chatId: 1, name: 1, groupTagIds: 1 },
    ),
    GroupTagGroupModel.find({ tenantId }, { 'tags._id': 1, 'tags.name': 1 }).lean(),
  ]);
  const byId = new Map(groups.map((group) => [group.chatId, group]));
  const tagNames = new Map(
    tagGroups.flatMap((group) => group.tags.map((tag) => [String(tag._id), tag.name])),
  );
  return shown.map((target) => {
    const group = byId.get(target.memberId);
    return {
      id: target.memberId,
      name: group?.name || target.memberName || '',
      avatar: '',
      type: null,
      tags: (group?.groupTagIds ?? []).flatMap((id) => tagNames.get(id) ?? []),
    };
  });
}

/** 我已完成 (R-8.3-05, I-116): idempotent; answers the to-do as it now stands. */
export async function completeOwnSopTodo(
  caller: Caller,
  { todoId }: { todoId: string },
  deps: Pick<AppContext, 'config' | 'listSearch'>,
): Promise<SopTodoDetail> {
  const todo = await completeSopTodo(deps.listSearch, caller.tenantId, todoId, caller.userid, new Date());
  if (!todo) throw NOT_FOUND();
  return detailOf(todo, caller.tenantId, deps.config.publicUrl);
}
