import { NewContactModel } from '../models/new-contact.model';
import { StaffCodeModel } from '../models/staff-code.model';

export interface AddChannel {
  /** 添加渠道: the 员工活码 the customer came through, by its 活动场景. */
  channel?: string;
  /** What became of the welcome of this add. */
  welcome?: string;
}

const WELCOME_LABELS: Record<string, string> = {
  sent: '欢迎语已发送',
  pending: '欢迎语发送中',
  skipped: '未发送欢迎语',
  failed: '欢迎语发送失败',
};

/**
 * Per member who added the customer (the newest add each): the 员工活码 it came through and its welcome, for
 * 客户详情's 系统信息 (R-3.1.2-09). A deleted code still names its 活动场景: the customer did come through it.
 */
export async function addChannelsOf(
  tenantId: string,
  externalUserid: string,
): Promise<Map<string, AddChannel>> {
  const adds = await NewContactModel.find({ tenantId, externalUserid }).sort({ addedAt: 1 }).limit(50).lean();
  if (adds.length === 0) return new Map();
  const codeIds = [...new Set(adds.map((add) => add.codeId).filter((id): id is string => Boolean(id)))];
  const codes = codeIds.length
    ? await StaffCodeModel.find({ tenantId, _id: { $in: codeIds } }, { scene: 1 }).lean()
    : [];
  const scenes = new Map(codes.map((code) => [String(code._id), code.scene]));
  const channels = new Map<string, AddChannel>();
  for (const add of adds) {
    const status = add.welcome?.status ?? 'pending';
    const failed = status === 'failed' && add.welcome?.errcode ? `（${add.welcome.errcode}）` : '';
    channels.set(add.userid, {
      ...(add.codeId ? { channel: `员工活码：${scenes.get(add.codeId) ?? '已删除的活码'}` } : {}),
      welcome: `${WELCOME_LABELS[status] ?? status}${failed}`,
    });
  }
  return channels;
}
