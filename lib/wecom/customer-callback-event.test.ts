import { parseCallbackXml } from './callback-event';
import { readCustomerSideChange, readMemChangeList } from './customer-callback-event';

const envelope = (inner: string) =>
  `<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>${inner}</xml>`;

describe('customer-side callback payloads', () => {
  it('reads MemChangeList as <Item> children, a comma-joined string, or nothing (API.md B8)', () => {
    const items = readCustomerSideChange(
      parseCallbackXml(
        envelope(
          '<Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wr1]]></ChatId><ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail><MemChangeList><Item><![CDATA[wm1]]></Item><Item><![CDATA[zhangsan]]></Item></MemChangeList>',
        ),
      ),
    );
    expect(items).toMatchObject({ ChatId: 'wr1', MemChangeList: ['wm1', 'zhangsan'] });
    const single = parseCallbackXml(
      envelope(
        '<Event>change_external_chat</Event><ChatId>wr1</ChatId><ChangeType>update</ChangeType><MemChangeList><Item>wm1</Item></MemChangeList>',
      ),
    );
    expect(readCustomerSideChange(single)).toMatchObject({ MemChangeList: ['wm1'] });
    const flat = parseCallbackXml(
      envelope(
        '<Event>change_external_chat</Event><ChatId>wr1</ChatId><ChangeType>update</ChangeType><MemChangeList><![CDATA[wm1,wm2]]></MemChangeList>',
      ),
    );
    expect(readCustomerSideChange(flat)).toMatchObject({ MemChangeList: ['wm1', 'wm2'] });
    const none = parseCallbackXml(
      envelope('<Event>change_external_chat</Event><ChatId>wr1</ChatId><ChangeType>create</ChangeType>'),
    );
    expect(readCustomerSideChange(none)).toMatchObject({ ChangeType: 'create', MemChangeList: [] });
    expect(readMemChangeList(undefined)).toEqual([]);
  });

  it('reads change_external_contact with its optional Source', () => {
    const change = readCustomerSideChange(
      parseCallbackXml(
        envelope(
          '<Event>change_external_contact</Event><ChangeType>del_external_contact</ChangeType><UserID>lina</UserID><ExternalUserID>wm1</ExternalUserID><Source>DELETE_BY_TRANSFER</Source>',
        ),
      ),
    );
    expect(change).toMatchObject({
      Event: 'change_external_contact',
      ChangeType: 'del_external_contact',
      UserID: 'lina',
      ExternalUserID: 'wm1',
      Source: 'DELETE_BY_TRANSFER',
      CreateTime: 1700000000,
    });
  });

  it('reads transfer_fail with its FailReason, UserID being the takeover member', () => {
    const change = readCustomerSideChange(
      parseCallbackXml(
        envelope(
          '<Event>change_external_contact</Event><ChangeType>transfer_fail</ChangeType><UserID>heir</UserID><ExternalUserID>wm1</ExternalUserID><FailReason>customer_limit_exceed</FailReason>',
        ),
      ),
    );
    expect(change).toMatchObject({
      ChangeType: 'transfer_fail',
      UserID: 'heir',
      ExternalUserID: 'wm1',
      FailReason: 'customer_limit_exceed',
    });
  });

  it('reads change_external_tag, with an empty Id for a shuffle of every group', () => {
    const shuffle = readCustomerSideChange(
      parseCallbackXml(
        envelope('<Event>change_external_tag</Event><ChangeType>shuffle</ChangeType><Id></Id>'),
      ),
    );
    expect(shuffle).toMatchObject({ ChangeType: 'shuffle', Id: '' });
    const deleted = readCustomerSideChange(
      parseCallbackXml(
        envelope(
          '<Event>change_external_tag</Event><ChangeType>delete</ChangeType><Id>et1</Id><TagType>tag</TagType>',
        ),
      ),
    );
    expect(deleted).toMatchObject({ Id: 'et1', TagType: 'tag' });
  });

  it('refuses a payload without the ids it needs', () => {
    expect(() =>
      readCustomerSideChange(
        parseCallbackXml(
          envelope('<Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType>'),
        ),
      ),
    ).toThrow();
  });
});
