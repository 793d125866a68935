/**
 * Aho–Corasick automaton over a tenant's enabled sensitive words (R-5.2.2-04/05): one pass over a message
 * finds every word of every rule, overlapping ones included, in time linear in the text plus the hits.
 * Matching is exact and case-sensitive (I-83): "哈哈哈" is not hit by "哈哈", "Abc" not by "abc".
 *
 * Written here rather than taken from npm: the packages found (aho-corasick 0.1.x, unmaintained) carry no
 * types and index by UTF-16 unit without tests for astral characters; this one walks code points and is
 * covered by word-matcher.test.ts.
 */
export interface WordHit<K> {
  /** The key the word was registered with (a rule id). */
  key: K;
  word: string;
  /** Code-unit offset of the word in the text, for highlighting. */
  index: number;
}

interface Node<K> {
  next: Map<string, Node<K>>;
  fail: Node<K> | null;
  /** Words ending here, including those reached through the fail chain (merged at build time). */
  outputs: Array<{ key: K; word: string }>;
}

const newNode = <K>(): Node<K> => ({ next: new Map(), fail: null, outputs: [] });

export class WordMatcher<K> {
  private readonly root: Node<K> = newNode();
  readonly size: number;

  constructor(entries: Iterable<{ key: K; words: readonly string[] }>) {
    let size = 0;
    for (const { key, words } of entries) {
      for (const word of words) {
        if (!word) continue;
        let node = this.root;
        for (const char of word) {
          let child = node.next.get(char);
          if (!child) {
            child = newNode();
            node.next.set(char, child);
          }
          node = child;
        }
        if (!node.outputs.some((o) => o.key === key && o.word === word)) {
          node.outputs.push({ key, word });
          size++;
        }
      }
    }
    this.size = size;
    this.linkFailures();
  }

  /** Breadth-first, so every node's fail target (a shorter suffix) is complete before the node itself. */
  private linkFailures(): void {
    const queue: Node<K>[] = [];
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

  /** Every occurrence of every word in the text, in order of where they end. */
  findAll(text: string): WordHit<K>[] {
    const hits: WordHit<K>[] = [];
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
