import { DEMO_CORP_ID } from '../../wecom-sim/seed/demo-corp';
import { demoCustomerSeed } from '../../wecom-sim/seed/demo-customers';

/** The demo member whose side panel the printed links open (the demo gives them a seat: 开启系统). */
export const DEMO_SIDE_PANEL_USERID = 'lina';

/**
 * The H5 side panel as WeCom would open it, through the simulator's stand-in for the WeCom client: a chat
 * with one of the member's customers (单聊工具栏) and one of the groups they own (群聊工具栏). The demo corp is
 * generated from a fixed seed, so these ids are the same on every start.
 */
export function demoSidePanelLinks(
  simulatorUrl: string,
  adminUrl: string,
): { single: string; group: string } {
  const userid = DEMO_SIDE_PANEL_USERID;
  const customer = demoCustomerSeed.customers.find((c) => c.follows.some((f) => f.userid === userid));
  const group = demoCustomerSeed.groups.find((g) => g.owner === userid);
  if (!customer || !group) throw new Error(`the demo corp has no customer or group of ${userid}`);
  const open = (entry: string, chat: Record<string, string>, page: string) => {
    const link = new URL(`/sim/corps/${DEMO_CORP_ID}/client`, simulatorUrl);
    link.search = new URLSearchParams({
      userid,
      entry,
      ...chat,
      url: new URL(`/h5/${page}?corpId=${DEMO_CORP_ID}`, adminUrl).toString(),
    }).toString();
    return link.toString();
  };
  return {
    single: open('single_chat_tools', { externalUserid: customer.contact.external_userid }, 'customer'),
    group: open('group_chat_tools', { chatId: group.chat_id }, 'group'),
  };
}
