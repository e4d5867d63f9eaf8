import { credentials, loadPackageDefinition, Metadata, ServiceError, Client, GrpcObject, ServiceDefinition } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';
import { loadSync } from '@grpc/proto-loader';
import { DomainError, domainErrorFromGrpc } from '@platform/errors';
import { Principal, PRINCIPAL_METADATA_KEY, PrincipalSigner } from '@platform/auth';
import { loaderOptions, MAX_GRPC_MESSAGE_BYTES } from './loader-options';
import { signedTokenOf } from './grpc-principal';
import { ProtoPackageRef } from './grpc-server-options';

/**
 * How a client passes principals (ADR 0073): signed by the gateway for `audience` (the target
 * service, or the target and the service it passes the principal on to).
 */
export interface PrincipalSigning {
  signer: PrincipalSigner;
  audience: string | readonly string[];
}

export interface CallOptions {
  principal?: Principal;
  /** gRPC has no deadline by default; every call here has one. */
  deadlineMs?: number;
  metadata?: Record<string, string>;
}

/**
 * The unary methods of a ts-proto generated service client interface (`measuresV1.DecisionServiceClient`
 * and the like: `decide(request: DecideRequest, metadata?: Metadata): Observable<DecideResponse>`)
 * as promise-returning calls with {@link CallOptions}: method name, request and response types all
 * come from the generated definition.
 */
export type UnaryClient<S> = {
  readonly [K in keyof S as S[K] extends (request: never, metadata?: Metadata) => Observable<unknown> ? K : never]: S[K] extends (
    request: infer TRequest,
    metadata?: Metadata,
  ) => Observable<infer TResponse>
    ? (request: TRequest, options?: CallOptions) => Promise<TResponse>
    : never;
};

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

/**
 * A typed unary client for one gRPC service. Errors come back as DomainError (code, kind and
 * field violations restored from metadata), so the gateway maps them exactly once to HTTP.
 */
export class GrpcClient {
  private readonly client: Client;
  /** The unary methods the loaded service offers, by their ts-proto (lowerCamelCase) name. */
  private readonly unaryMethods: string[];

  constructor(
    proto: ProtoPackageRef,
    serviceName: string,
    address: string,
    private readonly defaultDeadlineMs = 5_000,
    /** The gateway's signer; without it, a principal is passed on with the signed token it arrived with. */
    private readonly signing?: PrincipalSigning,
  ) {
    const definition = loadSync(proto.protoPath, loaderOptions());
    const pkg = proto.package.split('.').reduce<GrpcObject>((node, part) => node[part] as GrpcObject, loadPackageDefinition(definition));
    const Ctor = pkg[serviceName] as unknown as new (
      address: string,
      creds: ReturnType<typeof credentials.createInsecure>,
      options: Record<string, number>,
    ) => Client;
    if (typeof Ctor !== 'function') throw new Error(`service ${proto.package}.${serviceName} not found in ${proto.protoPath}`);
    this.unaryMethods = unaryMethodNames((Ctor as unknown as { service: ServiceDefinition }).service);
    this.client = new Ctor(address, credentials.createInsecure(), {
      'grpc.max_send_message_length': MAX_GRPC_MESSAGE_BYTES,
      'grpc.max_receive_message_length': MAX_GRPC_MESSAGE_BYTES,
      // No channelz bookkeeping per call (see grpc-server-options.ts).
      'grpc.enable_channelz': 0,
    });
  }

  /**
   * A typed view of this client: `S` is the generated `<Service>Client` interface of the service
   * this client was made for, e.g. `client.typed<measuresV1.DecisionServiceClient>().decide(request, { principal })`.
   * Each call goes through {@link unary} (deadline, principal, metadata, DomainError mapping).
   */
  typed<S>(): UnaryClient<S> {
    const view: Record<string, (request: unknown, options?: CallOptions) => Promise<unknown>> = {};
    for (const method of this.unaryMethods) view[method] = (request, options) => this.unary(method, request, options);
    return Object.freeze(view) as unknown as UnaryClient<S>;
  }

  unary<TRequest, TResponse>(method: string, request: TRequest, options: CallOptions = {}): Promise<TResponse> {
    const fn = (this.client as unknown as Record<string, UnaryMethod>)[method];
    if (typeof fn !== 'function') return Promise.reject(new Error(`unknown gRPC method ${method}`));
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(options.metadata ?? {})) metadata.set(key, value);
    // After the extra metadata, so that nothing passed along with it can stand in for the signed principal.
    if (options.principal) {
      const token = this.signedPrincipal(options.principal);
      if (!token) return Promise.reject(new Error(`a principal for ${method} can neither be signed here nor passed on: it did not arrive signed`));
      metadata.set(PRINCIPAL_METADATA_KEY, token);
    }
    const deadline = new Date(Date.now() + (options.deadlineMs ?? this.defaultDeadlineMs));
    return new Promise<TResponse>((resolve, reject) => {
      fn.call(this.client, request, metadata, { deadline }, (error, response) => {
        if (error) reject(toDomainError(error));
        else resolve(response as TResponse);
      });
    });
  }

  close(): void {
    this.client.close();
  }

  /** Signed for the target here (the gateway), or the token the caller's principal arrived with (a service calling another on its behalf). */
  private signedPrincipal(principal: Principal): string | undefined {
    return this.signing ? this.signing.signer.sign(principal, this.signing.audience) : signedTokenOf(principal);
  }
}

/** grpc-js keys a proto-loader service by the proto method name and keeps the camelCase one as `originalName`. */
function unaryMethodNames(service: ServiceDefinition): string[] {
  return Object.entries(service)
    .filter(([, method]) => !method.requestStream && !method.responseStream)
    .map(([name, method]) => (typeof method.originalName === 'string' ? method.originalName : name));
}

export function toDomainError(error: ServiceError): DomainError {
  const flat: Record<string, string | undefined> = {};
  for (const [key, values] of Object.entries(error.metadata?.getMap() ?? {})) flat[key] = String(values);
  return domainErrorFromGrpc(error.code, error.details, flat);
}
