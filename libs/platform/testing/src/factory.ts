/** A test-data factory: sensible defaults, and each test overrides only what it is about. */
export type Factory<T> = (overrides?: DeepPartial<T>) => T;
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export function defineFactory<T extends object>(defaults: (sequence: number) => T): Factory<T> {
  let sequence = 0;
  return (overrides = {}) => merge(defaults(++sequence), overrides) as T;
}

function merge(base: unknown, overrides: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides === undefined ? base : overrides;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) result[key] = merge(base[key], value);
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
