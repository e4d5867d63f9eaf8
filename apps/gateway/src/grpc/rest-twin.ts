import { ArgumentMetadata, Injectable, Logger, PipeTransform, Type } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, RESPONSE_PASSTHROUGH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModuleRef } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { toDomainError } from '../http/problem-details.filter';
import { edgeValidationPipe } from '../http/validation';
import { GrpcFace, GrpcFaceMethod } from './grpc-face';
import { jsonBody, ndjsonBody } from './rest-body';
import { pathParameters, RestRoute, restRouteOf } from './rest-routes';

/** One RPC of the gateway's gRPC face that runs a REST route's handler (ADR 0078). */
export interface RestTwin {
  rpc: string;
  controller: Type<object>;
  handler: string;
}

/** The RPCs of one gateway.v1 service that are twins of REST routes. */
export interface RestTwinService {
  service: string;
  twins: RestTwin[];
}

/**
 * A twin's request: the route's path and query parameters under their REST names, the body REST
 * takes as `body_json` (a JSON object) or `ndjson` (a batch), and the Idempotency-Key header as
 * `idempotency_key`. Empty strings are absent (proto3 has no absent string).
 */
export type TwinRequest = Record<string, unknown> & { bodyJson?: string; ndjson?: string; idempotencyKey?: string };

/** A twin's answer: REST's body as JSON, and whether it was replayed for a retried idempotency key. */
export interface TwinResponse {
  bodyJson: string;
  replayed: boolean;
}

const PIPE_ARGUMENT_TYPES = new Map<ArgumentSpec['type'], ArgumentMetadata['type']>([
  [RouteParamtypes.BODY, 'body'],
  [RouteParamtypes.QUERY, 'query'],
  [RouteParamtypes.PARAM, 'param'],
]);

const CARRIER_FIELDS = new Set(['bodyJson', 'ndjson', 'idempotencyKey']);

interface ArgumentSpec {
  index: number;
  type: RouteParamtypes | 'custom';
  data: unknown;
  pipes: (PipeTransform | Type<PipeTransform>)[];
  metatype: Type<unknown> | undefined;
  factory?: (data: unknown, context: unknown) => unknown;
}

/** Headers REST handlers read that a gRPC caller sends as request fields (the rest are HTTP caching, absent on gRPC). */
const HEADER_FIELDS: Record<string, keyof TwinRequest> = { 'idempotency-key': 'idempotencyKey' };

/**
 * Runs a REST handler for a gRPC call, as Nest's router would: each argument resolved from the
 * request (path and query parameters, body, idempotency key, principal) and passed through the
 * same global validation pipe, so both faces share one code path and one set of error codes.
 * The REST guards' work (token, rate limit, scope, audit) is GrpcFace's.
 */
@Injectable()
export class RestTwinInvoker {
  private readonly logger = new Logger('RestTwin');
  private readonly validation = edgeValidationPipe();

  constructor(private readonly moduleRef: ModuleRef) {}

  async invoke(route: RestRoute, principal: Principal, request: TwinRequest): Promise<TwinResponse> {
    const controller = this.moduleRef.get(route.controller, { strict: false }) as Record<string, (...args: unknown[]) => unknown>;
    const response = new RecordedResponse();
    try {
      const args = await this.argumentsOf(route, principal, request, response);
      const answer = await controller[route.handler](...args);
      return { bodyJson: answer === undefined ? '' : JSON.stringify(answer), replayed: response.replayed };
    } catch (error) {
      throw toDomainError(error, this.logger);
    }
  }

  private async argumentsOf(route: RestRoute, principal: Principal, request: TwinRequest, response: RecordedResponse): Promise<unknown[]> {
    const params = pathParametersOf(route.path, request);
    const query = queryOf(request, new Set(Object.keys(params)));
    const httpRequest = { user: principal, params, query, headers: {} };
    const args: unknown[] = [];
    for (const spec of argumentSpecs(route)) {
      const raw = rawArgument(spec, { principal, request, params, query, response, httpRequest });
      args[spec.index] = await this.transform(raw, spec);
    }
    return args;
  }

  private async transform(value: unknown, spec: ArgumentSpec): Promise<unknown> {
    if (spec.type === RouteParamtypes.RESPONSE || spec.type === RouteParamtypes.HEADERS) return value;
    const type = PIPE_ARGUMENT_TYPES.get(spec.type) ?? 'custom';
    const metadata: ArgumentMetadata = { type, metatype: spec.metatype, data: typeof spec.data === 'string' ? spec.data : undefined };
    let result = await this.validation.transform(value, metadata);
    for (const pipe of spec.pipes) result = await (typeof pipe === 'function' ? new pipe() : pipe).transform(result, metadata);
    return result;
  }
}

/** The argument specs of a handler, from the metadata Nest's router reads; an argument the face cannot supply is a boot error. */
function argumentSpecs(route: RestRoute): ArgumentSpec[] {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler) ?? {}) as Record<
    string,
    { index: number; data: unknown; pipes?: ArgumentSpec['pipes']; factory?: ArgumentSpec['factory'] }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.handler) ?? []) as Type<unknown>[];
  return Object.entries(declared).map(([key, value]) => {
    const type = key.includes(CUSTOM_ROUTE_ARGS_METADATA) ? 'custom' : (Number(key.split(':')[0]) as RouteParamtypes);
    return { index: value.index, type, data: value.data, pipes: value.pipes ?? [], metatype: types[value.index], factory: value.factory };
  });
}

/** Whether the gRPC face can run this handler: no argument it cannot supply, and no response written by hand (a stream, HTML, a PDF). */
export function twinnable(route: RestRoute): string | undefined {
  const passthrough = Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, route.controller, route.handler) === true;
  for (const spec of argumentSpecs(route)) {
    if (spec.type === RouteParamtypes.RESPONSE && !passthrough) return 'writes its own HTTP response';
    if (spec.type === RouteParamtypes.HEADERS && typeof spec.data === 'string' && !(spec.data in HEADER_FIELDS)) return `reads the ${spec.data} header`;
    const supplied = ['custom', RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM, RouteParamtypes.HEADERS, RouteParamtypes.RESPONSE];
    if (!supplied.includes(spec.type)) return `takes a ${RouteParamtypes[spec.type as RouteParamtypes]} argument`;
  }
  return undefined;
}

function rawArgument(
  spec: ArgumentSpec,
  from: {
    principal: Principal;
    request: TwinRequest;
    params: Record<string, string>;
    query: Record<string, string>;
    response: RecordedResponse;
    httpRequest: object;
  },
): unknown {
  const key = typeof spec.data === 'string' ? spec.data : undefined;
  switch (spec.type) {
    case RouteParamtypes.BODY: {
      const body = spec.metatype === String ? ndjsonBody(String(from.request.ndjson ?? '')) : jsonBody(String(from.request.bodyJson ?? ''));
      return key && typeof body === 'object' ? (body as Record<string, unknown>)[key] : body;
    }
    case RouteParamtypes.QUERY:
      return key ? from.query[key] : from.query;
    case RouteParamtypes.PARAM:
      return key ? from.params[key] : from.params;
    case RouteParamtypes.HEADERS:
      return key ? from.request[HEADER_FIELDS[key]] || undefined : {};
    case RouteParamtypes.RESPONSE:
      return from.response;
    case 'custom': {
      const http = { getRequest: () => from.httpRequest, getResponse: () => from.response };
      return spec.factory?.(spec.data, { switchToHttp: () => http, getType: () => 'http' });
    }
    default:
      throw new Error(`a REST argument the gRPC face cannot supply: ${String(spec.type)}`);
  }
}

/**
 * The route's path parameters from the request. REST never routes an empty path segment to a
 * handler (`/x/` is not `/x/:id`), so an empty one is refused here, before any handler reads it:
 * a handler may take an empty id for "no filter" (the gRPC fuzz found GetSentListEntry answering
 * INTERNAL for it, ADR 0075).
 */
export function pathParametersOf(path: string, request: TwinRequest): Record<string, string> {
  const params = Object.fromEntries(pathParameters(path).map((name) => [name, String(request[name] ?? '')]));
  const empty = Object.keys(params).filter((name) => params[name] === '');
  if (empty.length > 0) {
    throw DomainError.validation(
      PlatformErrorCode.InvalidBody,
      empty.map((field) => ({ field, message: 'must not be empty (a path parameter of the REST route)', code: 'REQUIRED' })),
    );
  }
  return params;
}

/** Query parameters: every request field that is not a path parameter or a carrier field; empty ones are absent. */
function queryOf(request: TwinRequest, pathNames: Set<string>): Record<string, string> {
  const entries = Object.entries(request).filter(
    ([name, value]) => !pathNames.has(name) && !CARRIER_FIELDS.has(name) && value !== '' && value !== undefined && value !== null,
  );
  return Object.fromEntries(entries.map(([name, value]) => [name, String(value)]));
}

/** What a REST handler writes besides its body (`@Res({ passthrough: true })`): headers, of which the face keeps Idempotent-Replayed. */
class RecordedResponse {
  private readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), String(value));
    return this;
  }
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
  header(name: string, value: string): this {
    return this.setHeader(name, value);
  }
  status(): this {
    return this;
  }
  get replayed(): boolean {
    return this.headers.get('idempotent-replayed') === 'true';
  }
}

/**
 * The gRPC controller class of a gateway.v1 service whose RPCs are REST twins: each RPC runs
 * under GrpcFace with the REST route's scope (a write is audited when answered, as REST audits
 * writes) and then the REST handler through RestTwinInvoker.
 */
export function restTwinController(definition: RestTwinService): Type<object> {
  @Injectable()
  class RestTwinGrpcController {
    constructor(
      readonly face: GrpcFace,
      readonly invoker: RestTwinInvoker,
    ) {}
  }
  for (const twin of definition.twins) {
    const route = restRouteOf(twin.controller, twin.handler);
    if (!route) throw new Error(`${twin.controller.name}.${twin.handler} is not a REST route`);
    const cannot = twinnable(route);
    if (cannot) throw new Error(`${route.route} cannot have a gRPC twin: it ${cannot}`);
    const method: GrpcFaceMethod = { path: `/gateway.v1.${definition.service}/${twin.rpc}`, scope: route.scope, auditAnswered: route.method !== 'GET' };
    const name = twin.rpc.charAt(0).toLowerCase() + twin.rpc.slice(1);
    const handle = function (this: RestTwinGrpcController, request: TwinRequest, metadata?: Metadata): Promise<TwinResponse> {
      return this.face.call(method, metadata, (principal) => this.invoker.invoke(route, principal, request), {
        idempotencyKey: request.idempotencyKey || undefined,
      });
    };
    Object.defineProperty(RestTwinGrpcController.prototype, name, { value: handle, writable: true, configurable: true });
    GrpcMethod(definition.service, name)(RestTwinGrpcController.prototype, name, Object.getOwnPropertyDescriptor(RestTwinGrpcController.prototype, name)!);
  }
  return RestTwinGrpcController;
}
