/**
 * Aho–Corasick matcher over a tenant's enabled sensitive words (R-5.2.2-04/05): one pass over a message
 * finds every word of every rule, overlapping ones included, in time linear in the text plus the hits.
 * Matching is exact and case-sensitive (I-83): "哈哈哈" is not hit by "哈哈", "Abc" not by "abc".
 *
 * Written here rather than taken from npm: the packages found (aho-corasick 0.1.x, unmaintained) carry no
 * types and no tests for astral characters. The automaton walks UTF-16 code units through flat typed arrays,
 * so a search allocates only the hits it returns (issue 11: ≥100 MB/s at 10,000 words, where a tree of Maps
 * keyed by character managed 17–26; bench/sensitive-matcher.bench.ts). Walking code units finds what walking
 * code points would, but for one case checked on each hit: a word that begins or ends with a lone surrogate
 * must not match half of a surrogate pair (half of an emoji). `index` is a code-unit offset either way.
 */
export interface WordHit<K> {
  /** The key the word was registered with (a rule id). */
  key: K;
  word: string;
  /** Code-unit offset of the word in the text, for highlighting. */
  index: number;
}

export class WordMatcher<K> {
  private readonly automaton: WordAutomaton<K>;
  /** Distinct (key, word) pairs. */
  readonly size: number;

  constructor(entries: Iterable<{ key: K; words: readonly string[] }>) {
    this.automaton = compileWordAutomaton(entries);
    this.size = this.automaton.outputKey.length;
  }

  /** Every occurrence of every word in the text, in order of where they end. */
  findAll(text: string): WordHit<K>[] {
    const hits: WordHit<K>[] = [];
    const { firstOutput, nextOutput, outputKey, outputWord } = this.automaton;
    let state = ROOT;
    for (let end = 1; end <= text.length; end++) {
      state = step(this.automaton, state, text.charCodeAt(end - 1));
      for (let output = firstOutput[state]; output !== NONE; output = nextOutput[output]) {
        const word = outputWord[output];
        const index = end - word.length;
        if (!splitsSurrogatePair(text, index, end)) hits.push({ key: outputKey[output], word, index });
      }
    }
    return hits;
  }

  /** The keys hit by the text, each with its distinct words in order of first occurrence. */
  match(text: string): Map<K, string[]> {
    const byKey = new Map<K, string[]>();
    for (const { key, word } of this.findAll(text)) {
      const words = byKey.get(key) ?? [];
      if (!words.includes(word)) words.push(word);
      byKey.set(key, words);
    }
    return byKey;
  }
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether text[start, end) begins after the first half of a surrogate pair or ends before its second. */
const splitsSurrogatePair = (text: string, start: number, end: number): boolean =>
  (isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) ||
  (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)));

/*
 * The automaton, in flat typed arrays over UTF-16 code units. States are numbers, the root is 0. Transitions
 * out of the root sit in a table indexed by code unit; the others in one open-addressing hash table keyed by
 * (state, unit). Fail links are precomputed. The words ending at a state form a linked list through flat
 * arrays: the state's own words, then the list of its fail state, shared rather than copied.
 *
 * One module on purpose: names imported from another module compile (tsx, swc) to property loads through
 * getters, and reading the layout's constants and slotOf that way made the search loop nine times slower.
 */
const ROOT = 0;
const NONE = -1;

/** A transition slot: the state it leaves, the code unit it reads, the state it enters, and padding. */
const SLOT_WIDTH = 4;

/** The first slot to look at for (state, unit) in a table of 2^(32 - shift) slots (Fibonacci hashing). */
const slotOf = (state: number, unit: number, shift: number): number =>
  (Math.imul((state << 16) ^ (state >>> 16) ^ unit, 0x9e3779b1) >>> shift) * SLOT_WIDTH;

interface WordAutomaton<K> {
  /** The root's transitions by code unit; ROOT where there is none (no transition enters the root). */
  rootNext: Int32Array;
  /** Every other transition as SLOT_WIDTH numbers (from, unit, to, -); `from` is NONE in an empty slot. */
  transitions: Int32Array;
  /** 32 − log2(slots), for slotOf. */
  shift: number;
  /** Each state's longest proper suffix that is also a state. */
  fail: Int32Array;
  /** The first output (word, key) ending at each state, longest word first; NONE if none. */
  firstOutput: Int32Array;
  nextOutput: Int32Array;
  outputKey: K[];
  outputWord: string[];
}

/** The trie of the words, in growable arrays, before fail links. */
interface Trie<K> {
  rootNext: Int32Array;
  parent: number[];
  /** The code unit on the edge into each state. */
  unit: number[];
  firstChild: number[];
  nextSibling: number[];
  /** A state's own outputs (the word spelled by the state, once per key), in the order they were added. */
  firstOwnOutput: number[];
  lastOwnOutput: number[];
  nextOutput: number[];
  outputKey: K[];
  outputWord: string[];
}

function compileWordAutomaton<K>(entries: Iterable<{ key: K; words: readonly string[] }>): WordAutomaton<K> {
  const trie = buildTrie(entries);
  const states = trie.parent.length;
  const { transitions, shift } = hashTransitions(trie);
  const automaton: WordAutomaton<K> = {
    rootNext: trie.rootNext,
    transitions,
    shift,
    fail: new Int32Array(states),
    firstOutput: new Int32Array(states).fill(NONE),
    nextOutput: Int32Array.from(trie.nextOutput),
    outputKey: trie.outputKey,
    outputWord: trie.outputWord,
  };
  linkFailures(trie, automaton);
  return automaton;
}

function buildTrie<K>(entries: Iterable<{ key: K; words: readonly string[] }>): Trie<K> {
  const trie: Trie<K> = {
    rootNext: new Int32Array(65_536),
    parent: [NONE],
    unit: [0],
    firstChild: [NONE],
    nextSibling: [NONE],
    firstOwnOutput: [NONE],
    lastOwnOutput: [NONE],
    nextOutput: [],
    outputKey: [],
    outputWord: [],
  };
  /** Children below the root, by state × 65536 + unit (exact in a double for any number of states). */
  const children = new Map<number, number>();

  for (const { key, words } of entries) {
    for (const word of words) {
      if (!word) continue;
      let state = ROOT;
      for (let at = 0; at < word.length; at++) {
        const unit = word.charCodeAt(at);
        let child = state === ROOT ? trie.rootNext[unit] : (children.get(state * 65_536 + unit) ?? ROOT);
        if (child === ROOT) {
          child = addState(trie, state, unit);
          if (state === ROOT) trie.rootNext[unit] = child;
          else children.set(state * 65_536 + unit, child);
        }
        state = child;
      }
      addOutput(trie, state, key, word);
    }
  }
  return trie;
}

function addState<K>(trie: Trie<K>, parent: number, unit: number): number {
  const state = trie.parent.length;
  trie.parent.push(parent);
  trie.unit.push(unit);
  trie.firstChild.push(NONE);
  trie.nextSibling.push(trie.firstChild[parent]);
  trie.firstChild[parent] = state;
  trie.firstOwnOutput.push(NONE);
  trie.lastOwnOutput.push(NONE);
  return state;
}

/** The word spelled by `state`, under `key` unless it is there already (a word listed twice in a rule). */
function addOutput<K>(trie: Trie<K>, state: number, key: K, word: string): void {
  for (let output = trie.firstOwnOutput[state]; output !== NONE; output = trie.nextOutput[output]) {
    if (trie.outputKey[output] === key) return;
  }
  const output = trie.outputKey.length;
  trie.outputKey.push(key);
  trie.outputWord.push(word);
  trie.nextOutput.push(NONE);
  if (trie.firstOwnOutput[state] === NONE) trie.firstOwnOutput[state] = output;
  else trie.nextOutput[trie.lastOwnOutput[state]] = output;
  trie.lastOwnOutput[state] = output;
}

/** The transitions below the root in a table at most half full, so a miss ends after a probe or two. */
function hashTransitions<K>(trie: Trie<K>): { transitions: Int32Array; shift: number } {
  const bits = Math.max(1, Math.ceil(Math.log2(2 * trie.parent.length)));
  const shift = 32 - bits;
  const transitions = new Int32Array(SLOT_WIDTH << bits).fill(NONE);
  const mask = transitions.length - 1;
  for (let state = 1; state < trie.parent.length; state++) {
    const from = trie.parent[state];
    if (from === ROOT) continue;
    let slot = slotOf(from, trie.unit[state], shift);
    while (transitions[slot] !== NONE) slot = (slot + SLOT_WIDTH) & mask;
    transitions[slot] = from;
    transitions[slot + 1] = trie.unit[state];
    transitions[slot + 2] = state;
  }
  return { transitions, shift };
}

/**
 * Breadth-first, so every state's fail target (a shorter suffix) has its fail link and output list before
 * the state itself is linked.
 */
function linkFailures<K>(trie: Trie<K>, automaton: WordAutomaton<K>): void {
  const { firstChild, nextSibling, unit, firstOwnOutput, lastOwnOutput } = trie;
  const { fail, firstOutput, nextOutput } = automaton;
  const queue = new Int32Array(fail.length);
  let tail = 0;
  for (let child = firstChild[ROOT]; child !== NONE; child = nextSibling[child]) queue[tail++] = child;
  for (let head = 0; head < tail; head++) {
    const state = queue[head];
    const inherited = firstOutput[fail[state]];
    if (firstOwnOutput[state] === NONE) {
      firstOutput[state] = inherited;
    } else {
      firstOutput[state] = firstOwnOutput[state];
      nextOutput[lastOwnOutput[state]] = inherited;
    }
    for (let child = firstChild[state]; child !== NONE; child = nextSibling[child]) {
      fail[child] = step(automaton, fail[state], unit[child]);
      queue[tail++] = child;
    }
  }
}

/** Where the automaton goes from `state` on `unit`, following fail links until some state reads it. */
function step<K>(automaton: WordAutomaton<K>, state: number, unit: number): number {
  const { rootNext, transitions, shift, fail } = automaton;
  const mask = transitions.length - 1;
  while (state !== ROOT) {
    for (
      let slot = slotOf(state, unit, shift);
      transitions[slot] !== NONE;
      slot = (slot + SLOT_WIDTH) & mask
    ) {
      if (transitions[slot] === state && transitions[slot + 1] === unit) return transitions[slot + 2];
    }
    state = fail[state];
  }
  return rootNext[unit];
}
