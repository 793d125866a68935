// Orders a jest run's test files so that the slowest start first: with several files at a time, a long file
// started last would leave the other workers idle until it ends. jest knows the durations of files it has run
// before in this checkout (its cache); a clean clone has none, and jest would fall back to file size, which says
// little about a file that waits out heartbeat timeouts. So a slow file says how slow, on a line of its own:
//   // Slow (140 s): waits out a worker's 1-minute heartbeat timeout twice
// Files that say so start first, slowest first; the rest keep jest's own order.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const SLOW = /^\/\/ Slow \((\d+) s\): /m;

function declaredSeconds(file) {
  const match = SLOW.exec(fs.readFileSync(file, 'utf8'));
  return match ? Number(match[1]) : 0;
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const seconds = new Map(ordered.map((test) => [test.path, declaredSeconds(test.path)]));
    // Array.prototype.sort is stable: files that declare nothing keep jest's order among themselves.
    return [...ordered].sort((a, b) => seconds.get(b.path) - seconds.get(a.path));
  }
}

module.exports = SlowFirstSequencer;
