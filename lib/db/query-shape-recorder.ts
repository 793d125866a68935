import fs from 'node:fs';
import path from 'node:path';
import type { mongo } from 'mongoose';
import { isByIdOnly, shapesOfCommand, type QueryShape } from './query-shapes';
import { sourceOfCommand } from './query-source';

/** One line of the shapes file: the shape, the code that sent it, and its database (a test suite's own). */
export interface RecordedShape extends QueryShape {
  database: string;
  /** `lib/customers/x.ts (listCustomers)`: the first function of ours that sent it, when the stack shows one. */
  source?: string;
}

// Per process: a jest test file gets its own module registry, hence its own set, so every suite writes each
// shape and source it saw once (the check names the suites); the api and worker processes write each once.
const written = new Set<string>();

/**
 * Appends each new query shape the client sends to `file`, one JSON line each (the pushdown check reads them:
 * scripts/stack/pushdown-check.ts). Reads and writes by `_id` alone are left out: they are the rule itself.
 * The client must have been created with `monitorCommands: true`.
 */
export function recordQueryShapes(client: mongo.MongoClient, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  client.on('commandStarted', (event: mongo.CommandStartedEvent) => {
    for (const shape of shapesOfCommand(event.commandName, event.command)) {
      if (isByIdOnly(shape)) continue;
      const line: RecordedShape = { ...shape, database: event.databaseName, source: sourceOfCommand() };
      const key = JSON.stringify(line);
      if (written.has(key)) continue;
      written.add(key);
      // Synchronous, so lines of processes writing at once stay whole (O_APPEND) and none is lost at exit.
      fs.appendFileSync(file, `${key}\n`);
    }
  });
}
