import { customerReadModel } from './customer-index';
import { customerGroupReadModel } from './customer-group-index';
import { customerLossReadModel } from './customer-loss-index';
import { handoverReadModel } from './handover-index';
import { knowledgeReadModel } from './knowledge-index';
import type { ListKind, ListReadModel } from './list-read-model';
import { massSendReadModel, massSendRecipientReadModel } from './mass-send-index';
import { ownerDayGroupStatReadModel } from './owner-day-group-stat-index';
import { sensitiveAlertReadModel } from './sensitive-alert-index';
import { sopPlanReadModel } from './sop-plan-index';
import { sopTargetReadModel } from './sop-target-index';
import { staffDayStatReadModel } from './staff-day-stat-index';

/** Every list read model, by kind: what the outbox drain, the rebuild and the start-up checks go through. */
export const LIST_READ_MODELS: Record<ListKind, ListReadModel<unknown>> = {
  customers: customerReadModel as ListReadModel<unknown>,
  'customer-groups': customerGroupReadModel as ListReadModel<unknown>,
  'sensitive-alerts': sensitiveAlertReadModel as ListReadModel<unknown>,
  'mass-sends': massSendReadModel as ListReadModel<unknown>,
  'mass-send-recipients': massSendRecipientReadModel as ListReadModel<unknown>,
  'knowledge-items': knowledgeReadModel as ListReadModel<unknown>,
  'sop-targets': sopTargetReadModel as ListReadModel<unknown>,
  'sop-plans': sopPlanReadModel as ListReadModel<unknown>,
  'staff-day-stats': staffDayStatReadModel as ListReadModel<unknown>,
  'owner-day-group-stats': ownerDayGroupStatReadModel as ListReadModel<unknown>,
  'customer-losses': customerLossReadModel as ListReadModel<unknown>,
  handovers: handoverReadModel as ListReadModel<unknown>,
};
