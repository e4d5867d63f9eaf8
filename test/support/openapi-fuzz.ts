import fc from 'fast-check';

/**
 * Request generators for fuzzing the gateway from its OpenAPI document (issue 23, item 2): every
 * operation of the document gets bodies, query strings, path parameters and headers shaped by its
 * schema and mutated towards what a careless or hostile client sends — control characters (NUL
 * among them) in every string position, very long strings, wrong types, unknown fields, deep
 * JSON, garbage cursors, repeated and nested parameters, malformed encodings.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
export interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzOperation {
  method: string;
  template: string;
  request: fc.Arbitrary<FuzzRequest>;
}

/** Strings a client should never get a 5xx for, whatever the field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // NUL and the other C0 controls, alone or inside ordinary text (PostgreSQL cannot store NUL).
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 31 }), fc.string({ maxLength: 8 }))
      .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'あ'.repeat(n)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800',
      '\uFEFF',
      "' OR 1=1 --",
      '"; DROP TABLE credit_records; --',
      '../../../etc/passwd',
      '%00',
      '%E0%A4%A',
      '${jndi:ldap://x}',
      '<script>alert(1)</script>',
      '9'.repeat(400),
      '-1',
      '1e309',
      'NaN',
      'null',
      '2026-02-30',
      '0000-00-00T00:00:00Z',
      '91410100MA3X000000',
      '00000000-0000-0000-0000-000000000000',
      'eyJ0eXAiOiJKV1QifQ',
      '__proto__',
      'constructor',
    ),
  },
);

/** Values of the wrong type for any field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
  fc.constant(Number.MAX_SAFE_INTEGER * 1024),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
);

/**
 * Percent-encoded as a client would send it (a lone surrogate becomes U+FFFD: no URL can carry it), cut to 500
 * characters: the request line must stay under Node's 16 KiB header limit, past which Node itself refuses the
 * connection before the platform sees the request (the 20-run fuzz met it as "fetch failed").
 */
const encode = (value: string): string =>
  encodeURIComponent(value.slice(0, 500).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** JSON text nested `depth` levels deep (arrays or objects), as a client can send it. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Values for a schema of the document: mostly of its shape, often hostile, sometimes of the wrong type. */
export function schemaValues(document: OpenApiDocument): (schema: Schema | undefined) => fc.Arbitrary<unknown> {
  const resolve = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 20; i++) s = document.components.schemas[s.$ref.split('/').pop()!] ?? {};
    return s;
  };

  /** A value for `schema`: mostly of its shape, often hostile, sometimes of the wrong type. */
  const valueFor = (schema: Schema | undefined, depth: number): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const variants = [s.allOf, s.oneOf, s.anyOf].find((v) => v?.length);
    if (variants) return fc.oneof(...variants.map((v) => valueFor(v, depth)));
    const shaped = shapedValue(s, depth);
    return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
  };

  const shapedValue = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    if (depth > 4) return hostileString;
    switch (s.type) {
      case 'integer':
        return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63)));
      case 'number':
        return fc.oneof(fc.double({ noDefaultInfinity: true, noNaN: true }), fc.constantFrom(0, -0.5, 1e308));
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueFor(s.items, depth + 1), { maxLength: 4 });
      case 'object':
      case undefined:
        if (s.properties) return objectFor(s, depth);
        return fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString);
      default:
        return hostileString;
    }
  };

  const objectFor = (s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const known = Object.fromEntries(Object.entries(s.properties ?? {}).map(([name, p]) => [name, valueFor(p, depth + 1)]));
    return fc
      .tuple(fc.record(known, { requiredKeys: [] }), fc.option(fc.tuple(hostileString, fc.jsonValue({ maxDepth: 1 })), { freq: 4 }))
      .map(([value, unknown]) => (unknown ? { ...value, [unknown[0] || 'unknownField']: unknown[1] } : value));
  };

  return (schema) => valueFor(schema, 0);
}

export function fuzzOperations(document: OpenApiDocument): FuzzOperation[] {
  const valueFor = schemaValues(document);
  const jsonBody = (schema: Schema): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 6, arbitrary: valueFor(schema).map((v) => JSON.stringify(v) ?? 'null') },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
          .map(([d, k]) => deepJson(d, k)),
      },
      { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":}', 'null', '[]', '"text"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"x":1}}') },
    );

  const ndjsonBody: fc.Arbitrary<string> = fc
    .array(
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        hostileString,
        fc.constant(deepJson(5000, 'array')),
      ),
      { maxLength: 6 },
    )
    .map((lines) => lines.join('\n'));

  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const params = operation.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];

      const pathValue = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: fc.uuid() }).map(encode);
      const path = fc
        .tuple(
          ...pathParams.map(() =>
            fc.oneof({ weight: 5, arbitrary: pathValue }, { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%C0%80', '..', '%2e%2e') }),
          ),
        )
        .map((values) => values.reduce<string>((p, value, i) => p.replace(`{${pathParams[i].name}}`, value || 'x'), template));

      // Each query parameter absent, hostile, repeated or nested (qs turns `a[b]=c` into an object); garbage cursors; unknown ones.
      const query = fc
        .tuple(
          ...queryParams.map((p) =>
            fc.oneof(
              fc.constant<string[]>([]),
              hostileString.map((v) => [`${p.name}=${encode(v)}`]),
              fc.tuple(hostileString, hostileString).map(([a, b]) => [`${p.name}=${encode(a)}`, `${p.name}=${encode(b)}`]),
              hostileString.map((v) => [`${p.name}[x]=${encode(v)}`]),
              fc.constant([`${p.name}=%`]),
            ),
          ),
          fc.option(hostileString.map((v) => [`unknown=${encode(v)}`, `cursor=${encode(v)}`])),
        )
        .map(([...parts]) => (parts.flat().filter(Boolean) as string[]).join('&'));

      const body: fc.Arbitrary<string | undefined> = !contentType
        ? fc.constant(undefined)
        : contentType.includes('ndjson')
          ? ndjsonBody
          : jsonBody(content[contentType].schema);

      const headers = fc.record(
        {
          'idempotency-key': fc.oneof(
            fc.string({ minLength: 1, maxLength: 300 }).filter((s) => /^[\x20-\x7e]+$/.test(s)),
            fc.constant('x'.repeat(5000)),
          ),
          'content-type': fc.constantFrom(
            contentType ?? 'application/json',
            'application/json',
            'text/plain',
            'application/json; charset=latin1',
            'application/x-ndjson',
            '',
          ),
          accept: fc.constantFrom('*/*', 'application/pdf', 'text/html', ''),
          'if-none-match': fc.string({ maxLength: 20 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        },
        { requiredKeys: ['content-type'] },
      );

      const request = fc.record({ path, query, body, headers }).map(({ path: p, query: q, body: b, headers: h }) => ({
        method: method.toUpperCase(),
        path: q ? `${p}?${q}` : p,
        headers: Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')) as Record<string, string>,
        body: method === 'get' ? undefined : b,
      }));
      return { method: method.toUpperCase(), template, request };
    }),
  );
}

/** What no answer may contain: a stack trace, SQL text or an error of the database, an internal address. */
export const LEAK_PATTERNS: [string, RegExp][] = [
  ['stack trace', /\n\s+at .+\(|at [\w.<>]+ \(\/|\.(ts|js):\d+:\d+/],
  ['source path', /\/(apps|libs|dist|node_modules)\//],
  ['SQL text', /\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i],
  [
    'database error',
    /(syntax error at or near|violates (unique|foreign key|check|not-null) constraint|relation "[^"]+"|QueryFailedError|invalid byte sequence|invalid input syntax for)/i,
  ],
  ['internal address', /\b(127\.0\.0\.1|localhost|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+):\d+/],
  ['gRPC internals', /\b(UNKNOWN|INTERNAL|UNAVAILABLE|DEADLINE_EXCEEDED): /],
];
