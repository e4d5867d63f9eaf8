import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { principalFrom } from '@platform/grpc';
import { isRegistrationKind, REGISTRATION_KINDS, type RegistrationKind } from '../domain/registration-kind';
import { RegistryErrorCode } from '../domain/registry-errors';
import { GetRegistrationHandler } from '../application/get-registration.handler';
import { ImportRegistrationsHandler } from '../application/import-registrations.handler';
import { ListCarrierSubjectsHandler } from '../application/list-carrier-subjects.handler';
import { PutRegistrationHandler } from '../application/put-registration.handler';
import type { RegistrationView } from '../application/registration-view';

@Controller()
@collectionV1.RegistryServiceControllerMethods()
export class RegistryGrpcController implements collectionV1.RegistryServiceController {
  constructor(
    private readonly putHandler: PutRegistrationHandler,
    private readonly getHandler: GetRegistrationHandler,
    private readonly listHandler: ListCarrierSubjectsHandler,
    private readonly importHandler: ImportRegistrationsHandler,
  ) {}

  async putRegistration(request: collectionV1.PutRegistrationRequest, metadata?: Metadata): Promise<collectionV1.PutRegistrationResponse> {
    const principal = principalFrom(metadata);
    const { view, outcome, replayed } = await this.putHandler.execute(principal, {
      kind: kindOf(request.kind),
      key: request.key,
      body: bodyOf(request.bodyJson),
      idempotencyKey: request.idempotencyKey,
    });
    return { registration: toRegistration(view), outcome, replayed };
  }

  async getRegistration(request: collectionV1.GetRegistrationRequest, metadata?: Metadata): Promise<collectionV1.GetRegistrationResponse> {
    return { registration: toRegistration(await this.getHandler.execute(principalFrom(metadata), { kind: kindOf(request.kind), key: request.key })) };
  }

  async listCarrierSubjects(request: collectionV1.ListCarrierSubjectsRequest, metadata?: Metadata): Promise<collectionV1.ListCarrierSubjectsResponse> {
    if (request.kind !== 'vehicle' && request.kind !== 'driver') {
      throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field: 'kind', message: 'vehicle or driver', code: 'INVALID' }]);
    }
    const result = await this.listHandler.execute(principalFrom(metadata), {
      uscc: request.uscc,
      kind: request.kind,
      cursor: request.cursor,
      limit: request.limit,
    });
    return { items: result.items.map(toRegistration), nextCursor: result.nextCursor };
  }

  importRegistrations(request: collectionV1.ImportRegistrationsRequest, metadata?: Metadata): Promise<collectionV1.ImportRegistrationsResponse> {
    return this.importHandler.execute(principalFrom(metadata), request.ndjson).then((result) => ({
      ...result,
      lines: result.lines.map((l) => ({ ...l, errors: l.errors.map((e) => ({ line: l.line, field: e.field, code: e.code ?? '', message: e.message })) })),
    }));
  }
}

function kindOf(kind: string): RegistrationKind {
  if (isRegistrationKind(kind)) return kind;
  throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field: 'kind', message: `one of ${REGISTRATION_KINDS.join(', ')}`, code: 'INVALID' }]);
}

function bodyOf(json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json || '{}');
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw DomainError.validation(RegistryErrorCode.Invalid, [{ field: '(body)', message: 'must be a JSON object', code: 'NOT_AN_OBJECT' }]);
  }
  return value as Record<string, unknown>;
}

function toRegistration(view: RegistrationView): collectionV1.Registration {
  return {
    kind: view.kind,
    key: view.key,
    revision: view.revision,
    source: view.source,
    changedAt: view.changedAt,
    registrationJson: JSON.stringify(view.registration),
  };
}
