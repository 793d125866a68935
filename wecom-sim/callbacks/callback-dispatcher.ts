/**
 * Sends events to a corp's callback URL the way WeCom does (API.md §13.4): an encrypted XML envelope POSTed with
 * msg_signature/timestamp/nonce; anything but HTTP 200 within 5 s counts as failed, and WeCom tries 3 times in
 * all. Retries resend the identical request. Every attempt is written to the corp's delivery log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { SimClock } from '../clock';
import type { Corp } from '../state/corp';
import type { CallbackTarget } from './callback-config';
import { encryptMessage, signMessage } from './callback-crypto';
import type { DeliveryAttempt, DeliveryRecord } from './delivery-log';
import { renderXmlDocument, xmlElement } from './event-xml';
import { sendHttpRequest } from './http-request';
import { randomDigits, signedUrl } from './wire-params';

export interface DeliverySettings {
  attemptTimeoutMs: number;
  maxAttempts: number;
  /** Wait before the 2nd, 3rd… attempt; the last value repeats if the list is short. */
  retryBackoffMs: number[];
}

/** WeCom's 5 s and 3 attempts; the backoff is the simulator's choice, kept short for local use. */
export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  attemptTimeoutMs: 5000,
  maxAttempts: 3,
  retryBackoffMs: [500, 1000],
};

const LOGGED_RESPONSE_CHARS = 200;

export interface OutgoingEvent {
  target: CallbackTarget;
  event: string;
  changeType: string;
  plaintext: string;
  replayOf?: string;
}

export interface StartedDelivery {
  record: DeliveryRecord;
  finished: Promise<DeliveryRecord>;
}

export class CallbackDispatcher {
  constructor(
    private readonly clock: SimClock,
    private readonly settings: DeliverySettings,
    private readonly logger: Logger,
  ) {}

  /** Undefined when the corp has no callback configured for the event's target: WeCom has nowhere to send it. */
  start(corp: Corp, outgoing: OutgoingEvent): StartedDelivery | undefined {
    const config = corp.callbacks[outgoing.target];
    if (!config) return undefined;
    const record = corp.callbacks.deliveries.open(
      { corpId: corp.corpId, url: config.url, ...outgoing },
      new Date(this.clock.nowMs()).toISOString(),
    );
    const ciphertext = encryptMessage(config.encodingAesKey, outgoing.plaintext, corp.corpId);
    const timestamp = String(this.clock.nowSeconds());
    const nonce = randomDigits(10);
    const url = signedUrl(config.url, {
      msg_signature: signMessage(config.token, timestamp, nonce, ciphertext),
      timestamp,
      nonce,
    });
    // Neither the contact-sync assistant nor the 客户联系 server is addressed as an app here: AgentID is present
    // but empty (API.md B7).
    const body = renderXmlDocument([
      xmlElement('ToUserName', corp.corpId),
      xmlElement('Encrypt', ciphertext),
      xmlElement('AgentID', ''),
    ]);
    return { record, finished: this.attemptAll(record, url, body) };
  }

  private async attemptAll(record: DeliveryRecord, url: URL, body: string): Promise<DeliveryRecord> {
    for (let attempt = 1; attempt <= this.settings.maxAttempts; attempt += 1) {
      const result = await this.attemptOnce(attempt, url, body);
      record.attempts.push(result);
      if (result.statusCode === 200) {
        record.status = 'delivered';
        this.logger.info(
          { deliveryId: record.id, attempts: attempt, changeType: record.changeType },
          'event delivered',
        );
        return record;
      }
      this.logger.warn({ deliveryId: record.id, attempt: result }, 'event delivery attempt failed');
      if (attempt < this.settings.maxAttempts) await sleep(this.backoffBefore(attempt + 1));
    }
    record.status = 'failed';
    return record;
  }

  private async attemptOnce(attempt: number, url: URL, body: string): Promise<DeliveryAttempt> {
    const at = new Date(this.clock.nowMs()).toISOString();
    const startedMs = Date.now();
    try {
      const response = await sendHttpRequest({
        method: 'POST',
        url,
        body,
        contentType: 'text/xml',
        timeoutMs: this.settings.attemptTimeoutMs,
      });
      return {
        attempt,
        at,
        durationMs: Date.now() - startedMs,
        statusCode: response.status,
        responseBody: response.body.slice(0, LOGGED_RESPONSE_CHARS),
      };
    } catch (error) {
      return {
        attempt,
        at,
        durationMs: Date.now() - startedMs,
        statusCode: null,
        error: (error as Error).message,
      };
    }
  }

  private backoffBefore(attempt: number): number {
    const delays = this.settings.retryBackoffMs;
    return delays[Math.min(attempt - 2, delays.length - 1)] ?? 0;
  }
}
