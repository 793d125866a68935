import {
  behaviorCounts,
  daysFromTo,
  emptyWordTally,
  rankRows,
  tallyWordPair,
  topWords,
} from './sensitive-analytics.figures';

describe('敏感行为分析 figures', () => {
  it('lists every day of a range, across a month end, one day when from = to', () => {
    expect(daysFromTo('2026-01-30', '2026-02-02')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(daysFromTo('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
  });

  it('counts behaviours from terms buckets, zero for the missing ones', () => {
    expect(
      behaviorCounts([
        { key: 'card', doc_count: 3 },
        { key: 'sensitive-message', doc_count: 5 },
      ]),
    ).toEqual({ redpacket: 0, card: 3, 'sensitive-message': 5, 'delete-friend': 0 });
  });

  it('ranks TOP5 words by pairs, ties by the word, and tallies days and senders', () => {
    const tally = emptyWordTally();
    const pairs = [
      ['滚', '2026-01-01', 'lina'],
      ['滚', '2026-01-02', 'lina'],
      ['垃圾', '2026-01-01', 'wangwei'],
      ['转账', '2026-01-01', 'lina'],
      ['a', '2026-01-01', 'lina'],
      ['b', '2026-01-01', 'lina'],
      ['c', '2026-01-01', 'lina'],
    ];
    for (const [word, day, from] of pairs) tallyWordPair(tally, { word, day, from });
    expect(topWords(tally)).toEqual([
      { word: '滚', count: 2 },
      { word: 'a', count: 1 },
      { word: 'b', count: 1 },
      { word: 'c', count: 1 },
      { word: '垃圾', count: 1 },
    ]);
    expect(tally.byWordDay.get('滚')).toEqual(
      new Map([
        ['2026-01-01', 1],
        ['2026-01-02', 1],
      ]),
    );
    expect(tally.bySender).toEqual(
      new Map([
        ['lina', 6],
        ['wangwei', 1],
      ]),
    );
  });

  it('sorts by any column either way, ties by the total then the id, and numbers the ranks', () => {
    const rows = [
      { id: 'b', card: 1, total: 3 },
      { id: 'a', card: 1, total: 3 },
      { id: 'c', card: 2, total: 2 },
      { id: 'd', card: 1, total: 5 },
    ];
    const total = (row: { total: number }) => row.total;
    expect(rankRows(rows, (row) => row.card, 'desc', total).map((r) => [r.rank, r.id])).toEqual([
      [1, 'c'],
      [2, 'd'],
      [3, 'a'],
      [4, 'b'],
    ]);
    expect(rankRows(rows, (row) => row.card, 'asc', total).map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
