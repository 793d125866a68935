// bench: no servers
/**
 * 敏感词 matching (R-5.2, issue 6): the ingest's Aho–Corasick matcher (lib/sensitive/word-matcher.ts) with 10,000
 * words in 200 rules, message by message over a Chinese chat corpus, next to the naive loop it replaced in
 * thought (for each rule, for each word, `text.includes(word)`). Both must find the same words of the same
 * rules in every message before anything is timed. Prints MB/s (UTF-8 bytes of message text) and the speedup.
 * Pure CPU: `npm run bench -- sensitive` starts no servers.
 *
 *   BENCH_WORDS=10000        sensitive words (default), spread over rules of 50
 *   BENCH_CORPUS_MB=2        megabytes of message text (UTF-8)
 *   BENCH_RUNS=3             timed passes of the matcher (the best is printed; the naive loop runs once)
 */
import { WordMatcher } from '../lib/sensitive/word-matcher';
import { chatText, random } from './support/chat-corpus';

const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);
const CORPUS_MB = Number(process.env.BENCH_CORPUS_MB ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORDS_PER_RULE = 50;

/** Words an admin would really list; a few of them are in the corpus (退款, 比你们低). */
const REAL_WORDS =
  '返利，返现，回扣，私下交易，转账给我，加微信，退款，投诉，赔偿，差评，低价，竞品，比你们低，个人账户，红包，好处费，飞单，代开发票，刷单，封号'.split(
    '，',
  );

function corpus(): { messages: string[]; bytes: number } {
  const next = random(2026);
  const messages: string[] = [];
  let bytes = 0;
  while (bytes < CORPUS_MB * 1024 * 1024) {
    const text = chatText(next);
    messages.push(text);
    bytes += Buffer.byteLength(text);
  }
  return { messages, bytes };
}

/**
 * 10k distinct words: the real ones, then 3–6 of the corpus's own Han characters at random, so the automaton
 * and the naive loop meet the corpus's characters at every step but rarely a whole word. (Random two-character
 * words would hit a third of the messages, far more than a real list does.)
 */
function sensitiveWords(messages: readonly string[]): string[] {
  const next = random(99);
  const chars = [...new Set(messages.join('').match(/\p{Script=Han}/gu))];
  const words = new Set(REAL_WORDS);
  while (words.size < WORDS) {
    const length = 3 + Math.floor(next() * 4);
    words.add(Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join(''));
  }
  return [...words];
}

type Rules = Array<{ key: string; words: string[] }>;

function naiveMatch(rules: Rules, text: string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const { key, words } of rules) {
    for (const word of words) {
      if (text.includes(word)) byKey.set(key, [...(byKey.get(key) ?? []), word]);
    }
  }
  return byKey;
}

/** A message's hits as a comparable string: rule and word pairs, sorted (the two report different orders). */
const signature = (hits: Map<string, string[]>) =>
  [...hits]
    .flatMap(([key, words]) => words.map((word) => `${key}:${word}`))
    .sort()
    .join('|');

function timed(pass: () => void): number {
  const began = performance.now();
  pass();
  return (performance.now() - began) / 1000;
}

function main(): void {
  const { messages, bytes } = corpus();
  const words = sensitiveWords(messages);
  const rules: Rules = [];
  for (let at = 0; at < words.length; at += WORDS_PER_RULE) {
    rules.push({ key: `rule-${rules.length}`, words: words.slice(at, at + WORDS_PER_RULE) });
  }
  const mb = bytes / 1024 / 1024;
  console.log(
    `sensitive matcher: ${words.length.toLocaleString('en')} words in ${rules.length} rules; ` +
      `${messages.length.toLocaleString('en')} messages, ${mb.toFixed(2)} MB of text (UTF-8), ` +
      `${(bytes / messages.length).toFixed(0)} bytes a message`,
  );

  let matcher!: WordMatcher<string>;
  const buildSeconds = timed(() => {
    matcher = new WordMatcher(rules);
  });
  console.log(`  automaton built in ${(buildSeconds * 1000).toFixed(0)} ms`);

  let hitMessages = 0;
  let hitPairs = 0;
  for (const text of messages) {
    const fast = signature(matcher.match(text));
    const naive = signature(naiveMatch(rules, text));
    if (fast !== naive) {
      throw new Error(
        `the matchers disagree on 「${text}」:\n  Aho–Corasick ${fast}\n  naive        ${naive}`,
      );
    }
    if (fast) {
      hitMessages += 1;
      hitPairs += fast.split('|').length;
    }
  }
  console.log(
    `  same hits in every message: ${hitMessages.toLocaleString('en')} messages hit, ` +
      `${hitPairs.toLocaleString('en')} (rule, word) pairs`,
  );

  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    best = Math.min(
      best,
      timed(() => {
        for (const text of messages) matcher.match(text);
      }),
    );
  }
  const naiveSeconds = timed(() => {
    for (const text of messages) naiveMatch(rules, text);
  });
  console.log(
    `  Aho–Corasick  ${(mb / best).toFixed(2).padStart(9)} MB/s   ` +
      `(${(best * 1000).toFixed(0)} ms, ${Math.round(messages.length / best).toLocaleString('en')} messages/s; best of ${RUNS})`,
  );
  console.log(
    `  naive loop    ${(mb / naiveSeconds).toFixed(2).padStart(9)} MB/s   ` +
      `(${(naiveSeconds * 1000).toFixed(0)} ms, ${Math.round(messages.length / naiveSeconds).toLocaleString('en')} messages/s)`,
  );
  console.log(`  speedup       ${(naiveSeconds / best).toFixed(1)}×`);
}

main();
