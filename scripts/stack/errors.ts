/**
 * An error the user can act on: its message is one clear line (plus an optional log tail),
 * printed without a stack trace by the command scripts.
 */
export class StackError extends Error {
  constructor(
    message: string,
    /** Extra lines shown under the message, e.g. the last lines of a log. */
    readonly details?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }
}
