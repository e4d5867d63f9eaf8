import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { runIdempotent } from '@platform/database';
import { applyEnterpriseUpdate, parseEnterpriseKey, validateEnterprise, type EnterpriseUpdate } from '../domain/enterprise';
import { parseVehicleKey, validateVehicle, type VehicleRegistration } from '../domain/vehicle';
import { parseDriverKey, validateDriver, type DriverRegistration } from '../domain/driver';
import { parseVesselKey, validateVessel, type VesselRegistration } from '../domain/vessel';
import { RegistryErrorCode } from '../domain/registry-errors';
import { RegistryAuthor, RegistryWriter } from './registry-writer';
import { driverView, enterpriseView, vehicleView, vesselView } from './registration-view';
import type { PutRegistrationCommand, PutRegistrationResult } from './put-registration.command';

/** A registration checked and ready to write. */
export type ValidRegistration =
  | { kind: 'enterprise'; value: EnterpriseUpdate }
  | { kind: 'vehicle'; value: VehicleRegistration }
  | { kind: 'driver'; value: DriverRegistration }
  | { kind: 'vessel'; value: VesselRegistration };

/**
 * Registers or changes one subject (PUT, or one line of an import): validates the key and the
 * body (every problem named at once), checks the caller's region for the subject's new region
 * and, when it moves, its old one, then upserts — same content answers `unchanged` with no new
 * revision and no event.
 */
@Injectable()
export class PutRegistrationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RegistryWriter,
  ) {}

  async execute(principal: Principal, command: PutRegistrationCommand, source: 'api' | 'import' = 'api'): Promise<PutRegistrationResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const today = chinaDateOf(new Date());
    const valid = validateRegistration(command, today);
    return this.dataSource.transaction(async (manager) => {
      const { answer, replayed } = await runIdempotent(
        manager,
        {
          clientId: principal.clientId,
          key: command.idempotencyKey,
          operation: `registry.put-${command.kind}`,
          request: { key: keyOf(valid), body: command.body },
        },
        () => this.write(manager, principal, valid, source, today),
      );
      return { ...answer, replayed };
    });
  }

  private async write(
    manager: EntityManager,
    principal: Principal,
    valid: ValidRegistration,
    source: 'api' | 'import',
    today: string,
  ): Promise<Omit<PutRegistrationResult, 'replayed'>> {
    const author: RegistryAuthor = {
      source,
      changedBy: principal.clientId,
      authorise: (current, next) => {
        assertRegionScope(principal, next.region, 'region');
        if (current && current.region !== next.region) assertRegionScope(principal, current.region, 'region');
      },
    };
    switch (valid.kind) {
      case 'enterprise': {
        const update = valid.value;
        const r = await this.writer.enterprise(manager, update.uscc, (current) => applyEnterpriseUpdate(current, update), author, today);
        return { view: enterpriseView(r.registration, r.sectors, r, today), outcome: r.outcome };
      }
      case 'vehicle': {
        const r = await this.writer.vehicle(manager, valid.value, valid.value, author);
        return { view: vehicleView(r.registration, r), outcome: r.outcome };
      }
      case 'driver': {
        const r = await this.writer.driver(manager, valid.value, author);
        return { view: driverView(r.registration, r), outcome: r.outcome };
      }
      case 'vessel': {
        const r = await this.writer.vessel(manager, valid.value, author);
        return { view: vesselView(r.registration, r), outcome: r.outcome };
      }
    }
  }
}

/** The registration's key in canonical spelling (what an Idempotency-Key's request hash covers). */
function keyOf(valid: ValidRegistration): string {
  switch (valid.kind) {
    case 'enterprise':
      return valid.value.uscc;
    case 'vehicle':
      return `${valid.value.plate}:${valid.value.plateColour}`;
    case 'driver':
      return valid.value.citizenId;
    case 'vessel':
      return valid.value.vesselId;
  }
}

/** The key and body checked for their kind; throws REGISTRY.INVALID_KEY or REGISTRY.INVALID (400) naming every field. */
export function validateRegistration({ kind, key, body }: PutRegistrationCommand, today: string): ValidRegistration {
  const invalidKey = (violation: FieldViolation) => DomainError.validation(RegistryErrorCode.InvalidKey, [violation], `Not a valid ${kind} key.`);
  const invalid = (violations: FieldViolation[]) => DomainError.validation(RegistryErrorCode.Invalid, violations, `The ${kind} registration is invalid.`);
  switch (kind) {
    case 'enterprise': {
      const { uscc, violation } = parseEnterpriseKey(key);
      if (!uscc) throw invalidKey(violation!);
      const { value, violations } = validateEnterprise(uscc, body, today);
      if (!value) throw invalid(violations);
      return { kind, value };
    }
    case 'vehicle': {
      const parsed = parseVehicleKey(key);
      if (!parsed.key) throw invalidKey(parsed.violation!);
      const { value, violations } = validateVehicle(parsed.key, body);
      if (!value) throw invalid(violations);
      return { kind, value };
    }
    case 'driver': {
      const { citizenId, violation } = parseDriverKey(key, today);
      if (!citizenId) throw invalidKey(violation!);
      const { value, violations } = validateDriver(citizenId, body, today);
      if (!value) throw invalid(violations);
      return { kind, value };
    }
    case 'vessel': {
      const { vesselId, violation } = parseVesselKey(key);
      if (!vesselId) throw invalidKey(violation!);
      const { value, violations } = validateVessel(vesselId, body);
      if (!value) throw invalid(violations);
      return { kind, value };
    }
  }
}
