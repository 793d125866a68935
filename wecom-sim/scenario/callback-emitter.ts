/**
 * Where admin-console actions turn into callbacks. The caller chooses to wait for the delivery (the response
 * then says how it went) or to let it run in the background (`?async=1`, the record comes back as pending).
 */
import type { Logger } from 'pino';
import type { CallbackDispatcher, OutgoingEvent } from '../callbacks/callback-dispatcher';
import type { ContactEvent, EventContext } from '../callbacks/change-contact-events';
import type { ExternalEvent, ExternalEventContext } from '../callbacks/change-external-events';
import type { DeliveryRecord } from '../callbacks/delivery-log';
import type { SimClock } from '../clock';
import type { Corp } from '../state/corp';

export type DeliveryMode = 'await' | 'background';

export class CallbackEmitter {
  constructor(
    private readonly clock: SimClock,
    private readonly dispatcher: CallbackDispatcher,
    private readonly logger: Logger,
  ) {}

  contactEventContext(corp: Corp): EventContext {
    return {
      corpId: corp.corpId,
      createTime: this.clock.nowSeconds(),
      memberFields: corp.callbacks.contacts?.memberEventFields ?? 'all',
    };
  }

  /** Null when there is nothing to send: no event for this change, or no callback configured. */
  async emitContactEvent(
    corp: Corp,
    event: ContactEvent | undefined,
    mode: DeliveryMode,
  ): Promise<DeliveryRecord | null> {
    if (!event) return null;
    return this.send(
      corp,
      { target: 'contacts', event: 'change_contact', changeType: event.changeType, plaintext: event.xml },
      mode,
    );
  }

  /** `at`: the CreateTime of something a scenario dated in the past; now by default. */
  externalEventContext(corp: Corp, at?: number): ExternalEventContext {
    return { corpId: corp.corpId, createTime: at ?? this.clock.nowSeconds() };
  }

  /** Customer, group and tag events go to the 客户联系 receive-event server. */
  async emitExternalEvent(
    corp: Corp,
    event: ExternalEvent,
    mode: DeliveryMode,
  ): Promise<DeliveryRecord | null> {
    return this.send(
      corp,
      { target: 'customers', event: event.event, changeType: event.changeType, plaintext: event.xml },
      mode,
    );
  }

  /** The same decrypted event again, freshly encrypted and signed, as a new delivery. */
  async replay(corp: Corp, original: DeliveryRecord, mode: DeliveryMode): Promise<DeliveryRecord | null> {
    const { target, event, changeType, plaintext } = original;
    return this.send(corp, { target, event, changeType, plaintext, replayOf: original.id }, mode);
  }

  private async send(
    corp: Corp,
    outgoing: OutgoingEvent,
    mode: DeliveryMode,
  ): Promise<DeliveryRecord | null> {
    const started = this.dispatcher.start(corp, outgoing);
    if (!started) return null;
    if (mode === 'await') return structuredClone(await started.finished);
    started.finished.catch((error: unknown) =>
      this.logger.error({ err: error }, 'background delivery crashed'),
    );
    return structuredClone(started.record);
  }
}
