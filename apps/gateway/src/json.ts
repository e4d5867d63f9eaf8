/** A JSON value, as the `…Json` string fields of the upstream protos carry and HTTP bodies return. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * Parses a `…Json` field of an upstream response. The upstream wrote it with JSON.stringify, so it
 * is JSON; a malformed one throws (a bug upstream, answered as 500) rather than passing on as text.
 */
export function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}
