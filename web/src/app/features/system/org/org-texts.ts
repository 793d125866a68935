import { formatDateTime } from '../../../core/format/date-time';
import { Seats } from './org.models';

/** The seat banner under the staff list (R-7.1.2-05, R-7.1.4-04). */
export function describeSeats(seats: Seats): string {
  return (
    `开启系统：已开启账号数量：${seats.used}/${seats.total} ` +
    `生效时间：${formatDateTime(seats.effectiveAt)}，到期时间：${formatDateTime(seats.expiresAt)}`
  );
}
