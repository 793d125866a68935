import { undeliveredRecipients } from './message-api';

describe('undeliveredRecipients (message/send answer, API.md §11)', () => {
  it('names each member WeCom listed, under the userid as sent, with why', () => {
    expect(
      undeliveredRecipients(['LiNa', 'wang', 'zhao', 'qian'], {
        invaliduser: 'lina|zhao',
        unlicenseduser: 'qian',
      }),
    ).toEqual([
      { userid: 'LiNa', reason: 'invaliduser' },
      { userid: 'zhao', reason: 'invaliduser' },
      { userid: 'qian', reason: 'unlicenseduser' },
    ]);
  });

  it('treats empty or missing fields as delivered to everyone', () => {
    expect(undeliveredRecipients(['lina'], { invaliduser: '', unlicenseduser: '' })).toEqual([]);
    expect(undeliveredRecipients(['lina'], {})).toEqual([]);
  });

  it('reports a member listed twice once, as not in the corp', () => {
    expect(undeliveredRecipients(['lina', 'lina'], { invaliduser: 'lina', unlicenseduser: 'lina' })).toEqual([
      { userid: 'lina', reason: 'invaliduser' },
    ]);
  });
});
