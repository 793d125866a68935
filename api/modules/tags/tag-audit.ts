import type { AuditAction } from '../../../lib/models/audit-log.model';
import type { Caller } from '../../auth/caller';
import { recordAudit } from '../audit/record-audit';
import type { TagGroupView } from './tag-catalogues';

type Snapshot = TagGroupView | TagGroupView[] | null;

/** What the log keeps of a tag group: its name and its tags' names and colours, in order. */
function compact(snapshot: Snapshot) {
  if (snapshot === null) return undefined;
  if (Array.isArray(snapshot)) return { groups: snapshot.map(({ id, name }) => ({ id, name })) };
  return {
    name: snapshot.name,
    tags: snapshot.tags.map(({ id, name, color }) => ({ id, name, color })),
  };
}

/** One change in 标签管理 (R-7.3), with the tag group before and after (the groups' order for a reorder). */
export async function auditTagChange(
  caller: Caller,
  entry: {
    action: AuditAction;
    kind: 'corp' | 'group';
    before: Snapshot;
    after: Snapshot;
  },
): Promise<void> {
  const group = [entry.after, entry.before].find((s): s is TagGroupView => s !== null && !Array.isArray(s));
  await recordAudit(caller, {
    action: entry.action,
    target: {
      type: `${entry.kind}-tag-group`,
      id: group?.id ?? '',
      name: group?.name ?? (entry.kind === 'corp' ? '企业微信标签' : '群标签'),
    },
    before: compact(entry.before),
    after: compact(entry.after),
  });
}
