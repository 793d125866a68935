/**
 * 欢迎语 for the demo: the default one (sent to a new customer whose 员工活码 has no welcome of its own) and a
 * 入群欢迎语, whose workflow makes it a WeCom group welcome template. Made by the same use case as the admin's
 * 新建; a default welcome that exists (I-35: there is one at a time) and a group welcome of the same text are kept.
 */
import type { TemporalDeps } from '../../api/app-context';
import { createWelcome } from '../../api/modules/welcome-messages/welcome-messages.use-case';
import type { Logger } from '../../lib/logger';
import { saveWelcomeSchema } from '../../lib/contracts/welcome-messages.contract';
import { WelcomeMessageModel } from '../../lib/models/welcome-message.model';
import type { DemoAdmin } from './demo-admin';

const DEFAULT_WELCOME = {
  text: '#nickname#您好，我是沃丰时代的客户顾问，很高兴为您服务！产品手册先发您看看，有任何问题随时找我。',
  attachment: {
    kind: 'link',
    title: '沃丰时代产品手册',
    url: 'https://example.com/handbook',
    desc: '三分钟了解我们的产品与服务',
  },
};

const GROUP_WELCOME = {
  text: '欢迎加入沃丰时代客户群！群里会定期分享新品资讯和会员福利，有问题可以随时@群主。',
};

/** Answers how many welcomes were created now. */
export async function seedDemoWelcomeMessages(
  admin: DemoAdmin,
  temporal: TemporalDeps & { log: Logger },
): Promise<number> {
  const { caller } = admin;
  const { tenantId } = caller;
  const deps = { temporal, log: temporal.log };
  let created = 0;
  if (!(await WelcomeMessageModel.exists({ tenantId, kind: 'default', deletedAt: { $exists: false } }))) {
    await createWelcome(caller, { ...saveWelcomeSchema.parse(DEFAULT_WELCOME), kind: 'default' }, deps);
    created += 1;
  }
  const sameText = await WelcomeMessageModel.find(
    { tenantId, kind: 'group', text: GROUP_WELCOME.text },
    { deletedAt: 1 },
  ).lean();
  if (!sameText.some((welcome) => !welcome.deletedAt)) {
    await createWelcome(caller, { ...saveWelcomeSchema.parse(GROUP_WELCOME), kind: 'group' }, deps);
    created += 1;
  }
  return created;
}
