import { chinaDateTime } from '../text/china-time';
import type { CustomerLossKind } from '../models/customer-loss.model';

export interface DigestLoss {
  customerName: string;
  staffName: string;
  kind: CustomerLossKind;
  lostAt: Date;
}

/** Lines listed before the rest is summed up: message/send's text stops at 2,048 bytes (API.md §11). */
const MAX_LINES = 15;

/** One line per loss, oldest first, so the message reads in the order it happened. */
function lossLine(loss: DigestLoss): string {
  const at = chinaDateTime(loss.lostAt).slice(5, 16);
  const customer = loss.customerName || '未知客户';
  return loss.kind === 'deleted_by_customer'
    ? `${at} 客户「${customer}」删除了员工${loss.staffName}`
    : `${at} 员工${loss.staffName}删除了客户「${customer}」`;
}

/** The 流失提醒 digest: how many customers were lost in the window, each listed, and where to see them all. */
export function lossDigestText(losses: readonly DigestLoss[], listUrl: string): string {
  const ordered = [...losses].sort((a, b) => a.lostAt.getTime() - b.lostAt.getTime());
  const lines = ordered.slice(0, MAX_LINES).map(lossLine);
  if (ordered.length > MAX_LINES) lines.push(`……等共${ordered.length}位`);
  return [`【流失提醒】最近流失客户${ordered.length}位：`, ...lines, `查看流失客户：${listUrl}`].join('\n');
}
