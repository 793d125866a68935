import { staffScopeFilter } from '../../../lib/access/data-scope';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';

// A picker, not a list: a corp larger than this is searched through the staff page instead.
const STAFF_OPTIONS_LIMIT = 2000;

/** The 客户标签 picker (list, detail and H5 side panel): the corp tag groups in WeCom's order. */
export async function corpTagOptions(tenantId: string) {
  const groups = await CorpTagGroupModel.find({ tenantId }, { groupId: 1, name: 1, tags: 1 })
    .sort({ order: -1, groupId: 1 })
    .lean();
  return {
    tagGroups: groups.map((group) => ({
      groupId: group.groupId,
      name: group.name,
      tags: [...group.tags]
        .sort((a, b) => (b.order ?? 0) - (a.order ?? 0))
        .map((tag) => ({ id: tag.tagId, name: tag.name })),
    })),
  };
}

/**
 * The 选择员工 and 客户标签 pickers of the list (R-3.1.1-02/03): staff inside the caller's 数据权限 (so the
 * pickers never name people the caller cannot see) and the corp tag groups.
 */
export async function customerOptions(caller: Caller) {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const [tags, staff] = await Promise.all([
    corpTagOptions(tenantId),
    StaffModel.find({ tenantId, ...staffScopeFilter(scope, 'userid') }, { userid: 1, name: 1 })
      .sort({ name: 1, userid: 1 })
      .limit(STAFF_OPTIONS_LIMIT)
      .lean(),
  ]);
  return { ...tags, staff: staff.map((member) => ({ userid: member.userid, name: member.name })) };
}
