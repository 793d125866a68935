/**
 * 联系记录 and 提醒事项 for the customers the demo's 员工活码 brought in, made by 客户详情's 发送 use case (which
 * checks that the caller can see the customer). Every customer gets a record; every third also a
 * reminder for tomorrow morning that @s the staff member they added, who hears of it at once. A customer who
 * has records is left alone, and one the product has not stored yet gets them on a later start.
 */
import { visibleCustomer } from '../../api/modules/contact-records/visible-customer';
import type { TemporalDeps } from '../../api/app-context';
import { createContactRecord } from '../../api/modules/contact-records/contact-records.use-case';
import { AppError } from '../../api/http/app-error';
import { createContactRecordSchema } from '../../lib/contracts/contact-record.contract';
import { chinaDayStart } from '../../lib/customer-groups/china-days';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import type { DemoAdmin } from './demo-admin';
import { demoCodeAdds } from './demo-staff-codes';

const RECORDS = [
  '客户扫码添加，关注旗舰版，已发送产品手册。',
  '电话沟通了采购需求，预计下月采购两百台设备。',
  '客户在比较几家方案，下周再跟进报价。',
];
const REMINDER = '周四下午视频演示旗舰版方案，提前准备好报价单。';
const REMIND_HOUR = 10;

/** 10:00 tomorrow, China time. */
function tomorrowMorning(now: Date): string {
  const tomorrow = businessDay(new Date(now.getTime() + 24 * 3600 * 1000));
  return new Date(chinaDayStart(tomorrow).getTime() + REMIND_HOUR * 3600 * 1000).toISOString();
}

/** The use case's check: the customer is stored and within the caller's 数据权限. */
export async function customerVisible(admin: DemoAdmin, externalUserid: string): Promise<boolean> {
  try {
    await visibleCustomer(admin.caller, externalUserid);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}

/** Answers how many records and reminders were written now. */
export async function seedDemoContactRecords(admin: DemoAdmin, temporal: TemporalDeps): Promise<number> {
  const { caller } = admin;
  const { tenantId } = caller;
  let written = 0;
  for (const [index, add] of (await demoCodeAdds(tenantId)).entries()) {
    const { externalUserid } = add;
    if (await ContactRecordModel.exists({ tenantId, externalUserid })) continue;
    if (!(await customerVisible(admin, externalUserid))) continue;
    const record = { kind: 'record', text: RECORDS[index % RECORDS.length] };
    await createContactRecord(
      caller,
      { ...createContactRecordSchema.parse(record), externalUserid },
      { temporal },
    );
    written += 1;
    if (index % 3 !== 0) continue;
    const reminder = {
      kind: 'reminder',
      text: REMINDER,
      mentionUserids: [add.userid],
      remindAt: tomorrowMorning(new Date()),
    };
    await createContactRecord(
      caller,
      { ...createContactRecordSchema.parse(reminder), externalUserid },
      { temporal },
    );
    written += 1;
  }
  return written;
}
