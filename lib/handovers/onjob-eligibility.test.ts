import {
  ineligibleGroupsMessage,
  ineligibleMessage,
  onjobGroupIneligibility,
  onjobIneligibility,
  type PastTransfer,
} from './onjob-eligibility';

const NOW = new Date('2026-12-06T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const check = (past: PastTransfer[], followers: string[] | null = ['lina']) =>
  onjobIneligibility({ followers, handoverUserid: 'lina', takeoverUserid: 'wang', past, now: NOW });

describe('onjobIneligibility', () => {
  it('lets a customer of the member with no recent transfers go', () => {
    expect(check([])).toBeNull();
    expect(check([{ kind: 'onjob', status: 'done', startedAt: daysAgo(10) }])).toBeNull();
  });

  it('refuses a customer the member no longer follows, or one the successor already follows', () => {
    expect(check([], ['zhao'])).toBe('not_follower');
    expect(check([], null)).toBe('not_follower');
    expect(check([], ['lina', 'wang'])).toBe('takeover_follows');
  });

  it('refuses a customer whose transfer still waits, of either kind, or is about to be sent', () => {
    expect(check([{ kind: 'resigned', status: 'waiting', startedAt: daysAgo(0) }])).toBe('in_progress');
    expect(check([{ kind: 'onjob', status: null, startedAt: daysAgo(0) }])).toBe('in_progress');
  });

  it('counts started on-job transfers of the last 90 days, whatever came of them', () => {
    const twice: PastTransfer[] = [
      { kind: 'onjob', status: 'done', startedAt: daysAgo(80) },
      { kind: 'onjob', status: 'refused', startedAt: daysAgo(3) },
    ];
    expect(check(twice)).toBe('too_frequent');
    // Older than 90 days, refused by WeCom at the start, or a resigned member's: not counted.
    expect(check([{ ...twice[0], startedAt: daysAgo(91) }, twice[1]])).toBeNull();
    expect(check([{ ...twice[0], status: 'rejected' }, twice[1]])).toBeNull();
    expect(check([{ ...twice[0], kind: 'resigned' }, twice[1]])).toBeNull();
  });
});

describe('ineligibleMessage', () => {
  it('counts the customers per reason, in a fixed order', () => {
    expect(ineligibleMessage(['too_frequent', 'not_follower', 'too_frequent'])).toBe(
      '1个客户不是原跟进成员的客户；2个客户90天内已转接2次',
    );
  });
});

describe('onjobGroupIneligibility', () => {
  const check = (group: { ownerUserid: string; dismissed: boolean } | null) =>
    onjobGroupIneligibility({ group, handoverUserid: 'lina' });

  it('lets a group the member owns go, whatever the case of the userid', () => {
    expect(check({ ownerUserid: 'LiNa', dismissed: false })).toBeNull();
  });

  it('refuses a group of another owner, an unknown group, and a dismissed one', () => {
    expect(check({ ownerUserid: 'wang', dismissed: false })).toBe('not_owner');
    expect(check(null)).toBe('not_owner');
    expect(check({ ownerUserid: 'lina', dismissed: true })).toBe('dismissed');
  });

  it('counts the groups per reason', () => {
    expect(ineligibleGroupsMessage(['dismissed', 'not_owner', 'not_owner'])).toBe(
      '2个客户群不是原跟进成员的客户群；1个客户群已解散',
    );
  });
});
