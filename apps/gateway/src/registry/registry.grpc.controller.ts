import { Controller, Type } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1, gatewayV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { GrpcFace, GrpcFaceMethod } from '../grpc/grpc-face';
import { jsonBody } from '../grpc/rest-body';
import { assertIdempotencyKey } from '../http/idempotency-key';
import { edgeValidationPipe } from '../http/validation';
import { Upstreams } from '../upstreams';
import { PutDriverDto, PutEnterpriseDto, PutVehicleDto } from './registry.dto';

type Kind = 'enterprise' | 'vehicle' | 'driver';

const SERVICE = '/gateway.v1.RegistryGatewayService';
/** Writes are audited as REST's are (every write in the audit log); reads only when refused. */
const write = (name: string): GrpcFaceMethod => ({ path: `${SERVICE}/${name}`, scope: Scopes.RecordsWrite, auditAnswered: true });
const read = (name: string): GrpcFaceMethod => ({ path: `${SERVICE}/${name}`, scope: Scopes.RecordsRead, auditAnswered: false });
const METHODS = {
  putEnterprise: write('PutEnterprise'),
  getEnterprise: read('GetEnterprise'),
  putVehicle: write('PutVehicle'),
  getVehicle: read('GetVehicle'),
  putDriver: write('PutDriver'),
  getDriver: read('GetDriver'),
};

/** The REST DTO each kind's body is validated against, so both faces refuse the same input with the same codes. */
const BODIES: Record<Kind, Type<object>> = { enterprise: PutEnterpriseDto, vehicle: PutVehicleDto, driver: PutDriverDto };

/**
 * The subject registry on the gateway's gRPC face (ADR 0042, ADR 0037): the same rules as REST's
 * RegistryHttpController (GrpcFace: token, rate limit, scope, audit), the same body validation
 * (the REST DTOs through the edge validation pipe) and the same collection calls, so a client
 * gets the same answers and error codes on either face.
 */
// The service has REST twins too (ADR 0078), so its methods are bound one by one: the generated
// ControllerMethods() decorator would bind every RPC of the service to this class.
@Controller()
export class RegistryGatewayGrpcController implements Pick<
  gatewayV1.RegistryGatewayServiceController,
  'putEnterprise' | 'getEnterprise' | 'putVehicle' | 'getVehicle' | 'putDriver' | 'getDriver'
> {
  private readonly validation = edgeValidationPipe();

  constructor(
    private readonly face: GrpcFace,
    private readonly upstreams: Upstreams,
  ) {}

  @GrpcMethod('RegistryGatewayService', 'putEnterprise')
  putEnterprise(request: gatewayV1.PutEnterpriseRequest, metadata?: Metadata): Promise<gatewayV1.PutEnterpriseResponse> {
    return this.face.call(METHODS.putEnterprise, metadata, (principal) => this.put(principal, 'enterprise', request.uscc, request), {
      idempotencyKey: request.idempotencyKey,
    });
  }

  @GrpcMethod('RegistryGatewayService', 'getEnterprise')
  getEnterprise(request: gatewayV1.GetEnterpriseRequest, metadata?: Metadata): Promise<gatewayV1.GetEnterpriseResponse> {
    return this.face.call(METHODS.getEnterprise, metadata, (principal) => this.get(principal, 'enterprise', request.uscc));
  }

  @GrpcMethod('RegistryGatewayService', 'putVehicle')
  putVehicle(request: gatewayV1.PutVehicleRequest, metadata?: Metadata): Promise<gatewayV1.PutVehicleResponse> {
    return this.face.call(METHODS.putVehicle, metadata, (principal) => this.put(principal, 'vehicle', request.key, request), {
      idempotencyKey: request.idempotencyKey,
    });
  }

  @GrpcMethod('RegistryGatewayService', 'getVehicle')
  getVehicle(request: gatewayV1.GetVehicleRequest, metadata?: Metadata): Promise<gatewayV1.GetVehicleResponse> {
    return this.face.call(METHODS.getVehicle, metadata, (principal) => this.get(principal, 'vehicle', request.key));
  }

  @GrpcMethod('RegistryGatewayService', 'putDriver')
  putDriver(request: gatewayV1.PutDriverRequest, metadata?: Metadata): Promise<gatewayV1.PutDriverResponse> {
    return this.face.call(METHODS.putDriver, metadata, (principal) => this.put(principal, 'driver', request.citizenId, request), {
      idempotencyKey: request.idempotencyKey,
    });
  }

  @GrpcMethod('RegistryGatewayService', 'getDriver')
  getDriver(request: gatewayV1.GetDriverRequest, metadata?: Metadata): Promise<gatewayV1.GetDriverResponse> {
    return this.face.call(METHODS.getDriver, metadata, (principal) => this.get(principal, 'driver', request.citizenId));
  }

  private async put(
    principal: Principal,
    kind: Kind,
    key: string,
    request: { registrationJson: string; idempotencyKey: string },
  ): Promise<{ registration: gatewayV1.Registration; outcome: string; replayed: boolean }> {
    const idempotencyKey = request.idempotencyKey || undefined;
    assertIdempotencyKey(idempotencyKey);
    const body: unknown = await this.validation.transform(jsonBody(request.registrationJson, 'registrationJson'), { type: 'body', metatype: BODIES[kind] });
    const result = await this.upstreams.registry.putRegistration(
      { kind, key, bodyJson: JSON.stringify(body), idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    return { registration: toRegistration(result.registration), outcome: result.outcome, replayed: result.replayed };
  }

  private async get(principal: Principal, kind: Kind, key: string): Promise<{ registration: gatewayV1.Registration }> {
    return { registration: toRegistration((await this.upstreams.registry.getRegistration({ kind, key }, { principal })).registration) };
  }
}

function toRegistration(registration: collectionV1.Registration | undefined): gatewayV1.Registration {
  if (!registration) throw new Error('collection answered without a registration');
  return { ...registration };
}
