// bench: no servers
/**
 * 敏感词 matching (R-5.2, issues 6 and 11): the ingest's Aho–Corasick matcher (lib/sensitive/word-matcher.ts)
 * with 10,000 words in 200 rules, message by message over a Chinese chat corpus, next to
 *   - a ceiling: a bare loop reading every code unit of the same messages, which no matcher can beat;
 *   - the tree of Maps keyed by character that the matcher was before issue 11, kept here only to compare;
 *   - the naive loop it replaced in thought (for each rule, for each word, `text.includes(word)`).
 * All three matchers must find the same words of the same rules in every message, and the two automata the
 * same hits at the same offsets, before anything is timed. Prints MB/s (UTF-8 bytes of message text) and the
 * speedups. Pure CPU: `npm run bench -- sensitive` starts no servers.
 *
 *   BENCH_WORDS=10000        sensitive words (default), spread over rules of 50
 *   BENCH_CORPUS_MB=2        megabytes of message text (UTF-8)
 *   BENCH_RUNS=10            timed passes of each automaton and of the ceiling (the best is printed: the first
 *                            few run before V8 has optimized the loop; the naive loop runs once)
 */
import { WordMatcher, type WordHit } from '../lib/sensitive/word-matcher';
import { chatText, random } from './support/chat-corpus';

const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);
const CORPUS_MB = Number(process.env.BENCH_CORPUS_MB ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
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

/** The hits grouped by key, distinct words in order of first occurrence, as WordMatcher.match does. */
function byKey<K>(hits: ReadonlyArray<WordHit<K>>): Map<K, string[]> {
  const grouped = new Map<K, string[]>();
  for (const { key, word } of hits) {
    const words = grouped.get(key) ?? [];
    if (!words.includes(word)) words.push(word);
    grouped.set(key, words);
  }
  return grouped;
}

interface MapTreeNode {
  next: Map<string, MapTreeNode>;
  fail: MapTreeNode | null;
  outputs: Array<{ key: string; word: string }>;
}

/**
 * lib/sensitive/word-matcher.ts before issue 11, for comparison only: a tree of Maps keyed by character
 * (code point), each node's outputs copied down its fail links at build time.
 */
class MapTreeMatcher {
  private readonly root = MapTreeMatcher.node();

  private static node(): MapTreeNode {
    return { next: new Map(), fail: null, outputs: [] };
  }

  constructor(rules: Rules) {
    for (const { key, words } of rules) {
      for (const word of words) {
        let node = this.root;
        for (const char of word) {
          let child = node.next.get(char);
          if (!child) node.next.set(char, (child = MapTreeMatcher.node()));
          node = child;
        }
        if (!node.outputs.some((o) => o.key === key && o.word === word)) node.outputs.push({ key, word });
      }
    }
    const queue: MapTreeNode[] = [];
    for (const child of this.root.next.values()) {
      child.fail = this.root;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [char, child] of node.next) {
        let fail = node.fail;
        while (fail && !fail.next.has(char)) fail = fail.fail;
        child.fail = fail ? fail.next.get(char)! : this.root;
        child.outputs.push(...child.fail.outputs);
        queue.push(child);
      }
    }
  }

  findAll(text: string): Array<WordHit<string>> {
    const hits: Array<WordHit<string>> = [];
    let node = this.root;
    let offset = 0;
    for (const char of text) {
      offset += char.length;
      while (node !== this.root && !node.next.has(char)) node = node.fail!;
      node = node.next.get(char) ?? this.root;
      for (const { key, word } of node.outputs) hits.push({ key, word, index: offset - word.length });
    }
    return hits;
  }
}

/** The ceiling: read every code unit of every message and do nothing else (the sum keeps the reads). */
function readEveryUnit(messages: readonly string[]): number {
  let sum = 0;
  for (const text of messages) {
    for (let at = 0; at < text.length; at++) sum = (sum + text.charCodeAt(at)) | 0;
  }
  return sum;
}

function timed(pass: () => void): number {
  const began = performance.now();
  pass();
  return (performance.now() - began) / 1000;
}

const bestOf = (runs: number, pass: () => void): number =>
  Math.min(...Array.from({ length: runs }, () => timed(pass)));

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
  let mapTree!: MapTreeMatcher;
  const mapTreeBuildSeconds = timed(() => {
    mapTree = new MapTreeMatcher(rules);
  });
  console.log(
    `  automaton built in ${(buildSeconds * 1000).toFixed(0)} ms ` +
      `(the Map tree in ${(mapTreeBuildSeconds * 1000).toFixed(0)} ms)`,
  );

  let hitMessages = 0;
  let hitPairs = 0;
  for (const text of messages) {
    const hits = matcher.findAll(text);
    const treeHits = mapTree.findAll(text);
    if (JSON.stringify(hits) !== JSON.stringify(treeHits)) {
      throw new Error(
        `the automata disagree on 「${text}」:\n  typed arrays ${JSON.stringify(hits)}\n  Map tree     ${JSON.stringify(treeHits)}`,
      );
    }
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

  let sink = 0;
  const ceiling = bestOf(RUNS, () => {
    sink = readEveryUnit(messages);
  });
  const typed = bestOf(RUNS, () => {
    for (const text of messages) matcher.match(text);
  });
  const tree = bestOf(RUNS, () => {
    for (const text of messages) byKey(mapTree.findAll(text));
  });
  const naiveSeconds = timed(() => {
    for (const text of messages) naiveMatch(rules, text);
  });
  const line = (name: string, seconds: number, note: string) =>
    console.log(
      `  ${name.padEnd(36)} ${(mb / seconds).toFixed(2).padStart(9)} MB/s   ` +
        `(${(seconds * 1000).toFixed(1)} ms, ${Math.round(messages.length / seconds).toLocaleString('en')} messages/s${note})`,
    );
  line('ceiling: read every code unit', ceiling, `; best of ${RUNS}; checksum ${sink % 1000}`);
  line('Aho–Corasick, typed arrays (match)', typed, `; best of ${RUNS}`);
  line('Aho–Corasick, Map tree (before #11)', tree, `; best of ${RUNS}`);
  line('naive loop', naiveSeconds, '');
  console.log(
    `  typed arrays: ${((100 * ceiling) / typed).toFixed(0)}% of the ceiling, ` +
      `${(tree / typed).toFixed(1)}× the Map tree, ${(naiveSeconds / typed).toFixed(0)}× the naive loop`,
  );
}

main();
