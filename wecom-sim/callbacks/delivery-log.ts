/**
 * Every event the simulator sent to a corp's callback URL, with every attempt, so tests and humans can see what
 * the product was told and how it answered — and replay an event to check the product is idempotent.
 */
import type { CallbackTarget } from './callback-config';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  durationMs: number;
  statusCode: number | null;
  /** Why the attempt failed when there was no HTTP answer (timeout, connection refused…). */
  error?: string;
  /** The start of the receiver's answer, for debugging. */
  responseBody?: string;
}

export interface DeliveryRecord {
  id: string;
  corpId: string;
  /** Which of the corp's callback servers it went to. */
  target: CallbackTarget;
  event: string;
  changeType: string;
  url: string;
  createdAt: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** The decrypted event XML, as the product should see it after decryption. */
  plaintext: string;
  replayOf?: string;
}

export type NewDelivery = Pick<
  DeliveryRecord,
  'corpId' | 'target' | 'event' | 'changeType' | 'url' | 'plaintext' | 'replayOf'
>;

export class DeliveryLog {
  private readonly records: DeliveryRecord[] = [];

  open(delivery: NewDelivery, createdAt: string): DeliveryRecord {
    const record: DeliveryRecord = {
      id: `dlv-${this.records.length + 1}`,
      ...delivery,
      createdAt,
      status: 'pending',
      attempts: [],
    };
    this.records.push(record);
    return record;
  }

  find(id: string): DeliveryRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  list(): DeliveryRecord[] {
    return this.records.map((record) => structuredClone(record));
  }
}
