import { encryptMessage, signMessage } from '../../wecom-sim/callbacks/callback-crypto';
import { externalContactEvent } from '../../wecom-sim/callbacks/change-external-events';
import { renderXmlDocument, xmlElement } from '../../wecom-sim/callbacks/event-xml';
import { randomDigits } from '../../wecom-sim/callbacks/wire-params';

/**
 * 客户联系 event deliveries as WeCom makes them (API.md §13.4, §14.2), built with the simulator's own callback
 * crypto and event XML: an add_external_contact, each call a new customer (a redelivery would be stored once and
 * measure less work), encrypted and signed with the tenant's callback secrets.
 */
export function addContactDeliveries(secrets: { corpId: string; token: string; aesKey: string }) {
  let sent = 0;
  return (): { query: string; body: string } => {
    sent += 1;
    const createTime = Math.floor(Date.now() / 1000);
    const { xml } = externalContactEvent(
      { corpId: secrets.corpId, createTime },
      {
        changeType: 'add_external_contact',
        userid: `staff-${sent % 20}`,
        externalUserid: `wmLoadBench${String(sent).padStart(12, '0')}`,
        state: '',
        welcomeCode: `WELCOME${randomDigits(12)}`,
      },
    );
    const ciphertext = encryptMessage(secrets.aesKey, xml, secrets.corpId);
    const timestamp = String(createTime);
    const nonce = randomDigits(10);
    const query = new URLSearchParams({
      msg_signature: signMessage(secrets.token, timestamp, nonce, ciphertext),
      timestamp,
      nonce,
    });
    const body = renderXmlDocument([
      xmlElement('ToUserName', secrets.corpId),
      xmlElement('Encrypt', ciphertext),
      xmlElement('AgentID', ''),
    ]);
    return { query: query.toString(), body };
  };
}
