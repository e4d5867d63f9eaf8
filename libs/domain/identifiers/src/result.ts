/**
 * Outcome of parsing untrusted input. Parsers return a value instead of throwing because bad
 * identifiers are ordinary data (typos in uploaded spreadsheets, scanned forms), not bugs.
 * `reason` is a stable machine code for callers and translators; `message` is for logs.
 */
export type Result<T, R extends string> = Ok<T> | Failure<R>;

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Failure<R extends string> {
  readonly ok: false;
  readonly reason: R;
  readonly message: string;
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail<R extends string>(reason: R, message: string): Failure<R> {
  return { ok: false, reason, message };
}
