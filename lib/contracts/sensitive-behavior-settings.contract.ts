import { z } from './common.contract';

/** 敏感行为监控 (R-7.6-02): 发红包, 发名片, 敏感消息, 删除好友. */
export const SENSITIVE_BEHAVIORS = ['redpacket', 'card', 'sensitive-message', 'delete-friend'] as const;

/** 被审计范围 (R-7.6-05): messages sent by customers, by staff. */
export const AUDITED_PARTIES = ['customer', 'staff'] as const;

const userids = z.array(z.string().min(1).max(64)).max(5000, '所选员工过多');

/** 敏感行为设置: the form as saved, and as read back. */
export const sensitiveBehaviorSettingsSchema = z
  .object({
    behaviors: z.array(z.enum(SENSITIVE_BEHAVIORS, { error: '敏感行为类型不正确' })).max(4),
    auditedParties: z
      .array(z.enum(AUDITED_PARTIES, { error: '被审计范围不正确' }))
      .min(1, '请至少选择一个被审计范围')
      .max(2),
    auditedUserids: userids,
    notifyGroupOwner: z.boolean(),
    notifyTrigger: z.boolean(),
    notifyUserids: userids,
    notifyByApp: z.boolean(),
  })
  .openapi('SensitiveBehaviorSettings');
export type SensitiveBehaviorSettingsView = z.infer<typeof sensitiveBehaviorSettingsSchema>;
