import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { GroupWelcomeActivities } from '../activities/group-welcome.activities';
import { groupWelcomeChangedSignal, type GroupWelcomeTemplateInput } from './group-welcome-template.contract';

const activities = proxyActivities<GroupWelcomeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Keeps one 客户群欢迎语 in step with WeCom's template while there are changes to write; when WeCom has just
 * created it, every group owner is told (R-2.3.2-03). 编辑 does not notify again (I-36).
 */
export async function groupWelcomeTemplateWorkflow(input: GroupWelcomeTemplateInput): Promise<void> {
  let changed = true;
  setHandler(groupWelcomeChangedSignal, () => {
    changed = true;
  });
  while (changed) {
    changed = false;
    const { settled } = await activities.syncGroupWelcomeTemplate(input);
    // A no-op once the owners were told, so a crash between the two steps cannot lose or repeat the notice.
    await activities.notifyGroupOwnersOfWelcome(input);
    if (!settled) changed = true;
  }
}
