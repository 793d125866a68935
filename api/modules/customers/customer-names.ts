import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';

/**
 * The names a page of customers shows, looked up once per page (never per row): staff names from userids,
 * tag names from WeCom tag ids. A staff member unknown to us shows as their userid.
 */
export async function namesFor(
  tenantId: string,
  userids: Iterable<string>,
  tagIds: Iterable<string>,
): Promise<{ staffName: (userid: string) => string; tagName: (tagId: string) => string | undefined }> {
  const wantedTags = [...new Set(tagIds)];
  const [staffNames, groups] = await Promise.all([
    staffNamesByUserid(tenantId, userids),
    wantedTags.length
      ? CorpTagGroupModel.find({ tenantId, 'tags.tagId': { $in: wantedTags } }, { tags: 1 }).lean()
      : [],
  ]);
  const tagNames = new Map(
    groups.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag.name] as const)),
  );
  return {
    staffName: (userid) => staffNames.get(userid) ?? userid,
    tagName: (tagId) => tagNames.get(tagId),
  };
}
