import { readFileSync } from 'node:fs';
import { loadSync, MessageTypeDefinition, MethodDefinition } from '@grpc/proto-loader';
import fc from 'fast-check';
import { deepJson, hostileString, OpenApiDocument, Schema, schemaValues } from './openapi-fuzz';

/**
 * Request generators for fuzzing a gRPC face from its proto (issue 23, item 2): every method of
 * every service in the file is enumerated from the proto itself, and each request is generated
 * from its message's field types — strings hostile as on REST (NUL and C0 controls, 200k-character
 * strings, lone surrogates, empty), JSON carried in strings (`*_json`) valid, malformed or 20,000
 * levels deep, NDJSON batches, integers at the int32/int64 edges, unknown enum numbers, repeated
 * and nested messages — and encoded with unknown fields appended now and then. A method added to
 * the proto is fuzzed without anyone writing a test for it.
 */

interface FieldDescriptor {
  name: string;
  label: 'LABEL_OPTIONAL' | 'LABEL_REPEATED' | 'LABEL_REQUIRED';
  type: string;
  typeName: string;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
  options?: { mapEntry?: boolean } | null;
}
interface EnumDescriptor {
  value: { name: string; number: number }[];
}

export interface GrpcFuzzMethod {
  /** `Service/Method` without the package, e.g. `CreditRecordsGatewayService/GetRecord`. */
  name: string;
  /** The full method path, e.g. `/gateway.v1.CreditRecordsGatewayService/GetRecord`. */
  path: string;
  /** Whether the proto documents the method as the twin of a REST GET (a read): an answered call of any other method may have written. */
  read: boolean;
  /** The request as an object (camelCase fields, as grpc-js clients take it) and the bytes sent, unknown fields included. */
  request: fc.Arbitrary<{ message: Record<string, unknown>; bytes: Buffer }>;
  deserialize(bytes: Buffer): unknown;
}

const LOADER_OPTIONS = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true } as const;

/** Garbage of the kinds a cursor or an id field meets: base64 of anything, ids of another shape, ids nobody has. */
const garbageId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64url')),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64')),
  fc.constantFrom('eyJpZCI6IjEnIE9SIDE9MS0tIn0', 'eyJvZmZzZXQiOi0xfQ', 'bnVsbA', '=', '-1', '0', '99999999999999999999', 'null'),
);

/** A string carrying JSON (a REST body, a payload): mostly an object of hostile keys and values, sometimes malformed, deep or too large. */
const jsonText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .dictionary(
        fc.oneof(hostileString, fc.constantFrom('reason', 'subject', 'region', 'id', '__proto__')),
        fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })),
        {
          maxKeys: 5,
        },
      )
      .map((v) => JSON.stringify(v)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
      .map(([d, k]) => deepJson(d, k)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":}', 'null', '[]', '"text"', '{"a":1}{"b":2}', '\u0000', '{"a":"\\u0000"}', '{"__proto__":{"x":1}}') },
  // Past REST's 1 MiB body limit, well inside the gRPC message limit.
  { weight: 1, arbitrary: fc.constant(`{"reason":"${'x'.repeat(1_100_000)}"}`) },
);

const ndjsonText: fc.Arbitrary<string> = fc
  .array(fc.oneof(jsonText, hostileString, fc.constant(deepJson(5000, 'array'))), { maxLength: 6 })
  .map((lines) => lines.join('\n'));

const INT64_EDGES = ['0', '-1', '1', '2147483647', '-2147483648', '9223372036854775807', '-9223372036854775808'];
const UINT64_EDGES = ['0', '1', '4294967295', '18446744073709551615'];

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every method of every service in the proto file, with a request generator built from its message. */
export function grpcFuzzMethods(protoPath: string, openApi?: OpenApiDocument): GrpcFuzzMethod[] {
  const definition = loadSync(protoPath, LOADER_OPTIONS);
  const routes = documentedRoutes(readFileSync(protoPath, 'utf8'));
  const restFields = (name: string) => (openApi ? twinFields(openApi, routes.get(name)) : {});
  const lookup = (typeName: string, scope: string) => {
    const name = typeName.replace(/^\./, '');
    return definition[name] ?? definition[`${scope}.${name}`];
  };
  const services = Object.entries(definition).filter(([, value]) => !('format' in value)) as [string, Record<string, MethodDefinition<object, object>>][];
  return services.flatMap(([serviceName, methods]) => {
    const pkg = serviceName.slice(0, serviceName.lastIndexOf('.'));
    const messageOf = (typeName: string): MessageDescriptor =>
      (lookup(typeName, pkg) as MessageTypeDefinition<object, object>).type as unknown as MessageDescriptor;
    const enumOf = (typeName: string): EnumDescriptor => (lookup(typeName, pkg) as { type: EnumDescriptor }).type;

    const scalar = (field: FieldDescriptor, depth: number): fc.Arbitrary<unknown> => {
      // The loader gives field names camelCased (keepCase: false); the proto's own are snake_case.
      const name = field.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      switch (field.type) {
        case 'TYPE_STRING':
          if (name === 'ndjson') return ndjsonText;
          if (name.endsWith('_json')) return jsonText;
          if (/(^|_)(id|ids|cursor|key|uscc)$/.test(name)) return fc.oneof(hostileString, garbageId);
          return hostileString;
        case 'TYPE_BYTES':
          return fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b));
        case 'TYPE_BOOL':
          return fc.boolean();
        case 'TYPE_INT32':
        case 'TYPE_SINT32':
        case 'TYPE_SFIXED32':
          return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)));
        case 'TYPE_UINT32':
        case 'TYPE_FIXED32':
          return fc.oneof(fc.nat(), fc.constantFrom(0, 2 ** 32 - 1));
        case 'TYPE_INT64':
        case 'TYPE_SINT64':
        case 'TYPE_SFIXED64':
          return fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), fc.constantFrom(...INT64_EDGES));
        case 'TYPE_UINT64':
        case 'TYPE_FIXED64':
          return fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String), fc.constantFrom(...UINT64_EDGES));
        case 'TYPE_DOUBLE':
        case 'TYPE_FLOAT':
          return fc.double();
        case 'TYPE_ENUM': {
          const known = enumOf(field.typeName).value.map((v) => v.name);
          // An enum number the proto does not name is what a client built from a newer proto sends.
          return fc.oneof(fc.constantFrom(...known), fc.constantFrom(-1, 999, 2 ** 31 - 1));
        }
        case 'TYPE_MESSAGE': {
          const nested = messageOf(field.typeName);
          if (nested.options?.mapEntry) {
            const [key, value] = nested.field;
            return fc.dictionary(scalar(key, depth + 1).map(String), scalar(value, depth + 1), { maxKeys: 4 });
          }
          return depth > 4 ? fc.constant({}) : messageArbitrary(nested, depth + 1);
        }
        default:
          throw new Error(`a field type the fuzz cannot generate: ${field.type} (${field.name})`);
      }
    };

    const fieldValue = (field: FieldDescriptor, depth: number, shaped?: fc.Arbitrary<string>): fc.Arbitrary<unknown> => {
      // A twin's body, path and query fields shaped by the REST route's schema as often as not, so more requests get past parsing.
      const one = shaped ? fc.oneof(shaped, scalar(field, depth)) : scalar(field, depth);
      if (field.label !== 'LABEL_REPEATED' || (field.type === 'TYPE_MESSAGE' && messageOf(field.typeName).options?.mapEntry)) return one;
      return fc.oneof({ weight: 4, arbitrary: fc.array(one, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(one, { minLength: 500, maxLength: 2000 }) });
    };

    function messageArbitrary(
      message: MessageDescriptor,
      depth: number,
      shaped: Record<string, fc.Arbitrary<string>> = {},
    ): fc.Arbitrary<Record<string, unknown>> {
      const fields = Object.fromEntries(message.field.map((f) => [camel(f.name), fieldValue(f, depth, shaped[camel(f.name)])]));
      return fc.record(fields, { requiredKeys: [] });
    }

    return Object.entries(methods).map(([name, method]) => {
      // A streaming method needs a generator of its own: failing here keeps a new one from going unfuzzed unnoticed.
      if (method.requestStream || method.responseStream) throw new Error(`${serviceName}/${name} streams: the fuzz generates unary calls only`);
      const service = serviceName.slice(pkg.length + 1);
      const requestMessage = (method.requestType as MessageTypeDefinition<object, object>).type as unknown as MessageDescriptor;
      const shaped = restFields(`${service}/${name}`);
      const request = fc.tuple(messageArbitrary(requestMessage, 0, shaped), fc.option(unknownFields, { freq: 4 })).map(([message, extra]) => ({
        message,
        bytes: Buffer.concat([method.requestSerialize(message), extra ?? Buffer.alloc(0)]),
      }));
      return {
        name: `${service}/${name}`,
        path: method.path,
        read: routes.get(`${service}/${name}`)?.verb === 'GET',
        request,
        deserialize: method.responseDeserialize,
      };
    });
  });
}

/** Fields a newer proto might carry (numbers this one does not use), well-formed on the wire: a varint or length-delimited bytes. */
const unknownFields: fc.Arbitrary<Buffer> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1000, max: 536_870_911 }),
      fc.oneof(
        fc.nat().map((n) => ({ varint: n })),
        fc.uint8Array({ maxLength: 32 }).map((b) => ({ bytes: b })),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((fields) =>
    Buffer.concat(
      fields.map(([number, value]) =>
        'varint' in value
          ? Buffer.concat([varint(number * 8), varint(value.varint)])
          : Buffer.concat([varint(number * 8 + 2), varint(value.bytes.length), Buffer.from(value.bytes)]),
      ),
    ),
  );

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = BigInt(value);
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    bytes.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return Buffer.from(bytes);
}

export interface DocumentedRoute {
  verb: string;
  /** In OpenAPI's form: `/api/v1/credit-records/{id}`. */
  path: string;
}

/**
 * The REST route of every RPC whose comment names one, by `Service/Method`: the last
 * `// VERB /path` line of the comment above its `rpc` (a comment may run over several lines).
 */
export function documentedRoutes(protoText: string): Map<string, DocumentedRoute> {
  const routes = new Map<string, DocumentedRoute>();
  let service = '';
  let route: DocumentedRoute | undefined;
  for (const line of protoText.split('\n').map((l) => l.trim())) {
    const serviceMatch = /^service (\w+)/.exec(line);
    if (serviceMatch) service = serviceMatch[1];
    const rpc = /^rpc (\w+)\(/.exec(line);
    if (rpc && route) routes.set(`${service}/${rpc[1]}`, route);
    const named = /^\/\/ (GET|POST|PUT|PATCH|DELETE) (\/\S*)/.exec(line);
    route = named ? { verb: named[1], path: named[2].replace(/:(\w+)/g, '{$1}') } : line.startsWith('//') ? route : undefined;
  }
  return routes;
}

/** Generators for a twin's fields from its REST operation: `bodyJson` from the body schema, path and query fields from their parameters'. */
function twinFields(document: OpenApiDocument, route: DocumentedRoute | undefined): Record<string, fc.Arbitrary<string>> {
  const operation = route && document.paths[route.path]?.[route.verb.toLowerCase()];
  if (!operation) return {};
  const values = schemaValues(document);
  const text = (schema: Schema | undefined) => values(schema).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  const fields: Record<string, fc.Arbitrary<string>> = Object.fromEntries(
    (operation.parameters ?? []).filter((p) => p.in !== 'header').map((p) => [p.name, text(p.schema)]),
  );
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body) fields.bodyJson = values(body).map((v) => JSON.stringify(v) ?? 'null');
  return fields;
}
