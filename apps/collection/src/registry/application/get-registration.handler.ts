import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { parseEnterpriseKey } from '../domain/enterprise';
import { parseVehicleKey } from '../domain/vehicle';
import { parseDriverKey } from '../domain/driver';
import { parseVesselKey } from '../domain/vessel';
import type { RegistrationKind } from '../domain/registration-kind';
import { RegistryErrorCode } from '../domain/registry-errors';
import { RegistryDriverEntity, RegistryEnterpriseEntity, RegistryVehicleEntity, RegistryVesselEntity } from '../infrastructure/registry.entities';
import { driverOfRow, enterpriseOfRow, vehicleOfRow, vesselOfRow } from '../infrastructure/registry-rows';
import { driverView, enterpriseView, RegistrationView, vehicleView, vesselView } from './registration-view';

export interface GetRegistrationQuery {
  kind: RegistrationKind;
  key: string;
}

/**
 * One registration, if the caller's region subtree holds the subject's region (the platform's
 * region rule for reads, `isWithinRegion`: otherwise it reads as absent, 404). An enterprise comes with its licences, each marked in force or not today.
 */
@Injectable()
export class GetRegistrationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { kind, key }: GetRegistrationQuery): Promise<RegistrationView> {
    assertScope(principal, Scopes.RecordsRead);
    const today = chinaDateOf(new Date());
    const view = await this.find(kind, key, today);
    // The region rule for reads (ADR 0041): outside the caller's subtree reads exactly as absent.
    if (!view || !isWithinRegion(principal, view.registration.region as string)) {
      throw DomainError.notFound(RegistryErrorCode.NotFound, `No ${kind} ${kind === 'driver' ? 'with this citizen ID' : key} in the caller's region.`);
    }
    return view;
  }

  /** The registration, whatever the caller's region. */
  private async find(kind: RegistrationKind, key: string, today: string): Promise<RegistrationView | undefined> {
    const invalidKey = (violation: { field: string; message: string; code?: string }) =>
      DomainError.validation(RegistryErrorCode.InvalidKey, [violation], `Not a valid ${kind} key.`);
    const manager = this.dataSource.manager;
    switch (kind) {
      case 'enterprise': {
        const { uscc, violation } = parseEnterpriseKey(key);
        if (!uscc) throw invalidKey(violation!);
        const row = await manager.findOneBy(RegistryEnterpriseEntity, { uscc });
        return row ? enterpriseView(enterpriseOfRow(row), row.sectors, row, today) : undefined;
      }
      case 'vehicle': {
        const parsed = parseVehicleKey(key);
        if (!parsed.key) throw invalidKey(parsed.violation!);
        const row = await manager.findOneBy(RegistryVehicleEntity, parsed.key);
        return row ? vehicleView(vehicleOfRow(row), row) : undefined;
      }
      case 'driver': {
        const { citizenId, violation } = parseDriverKey(key, today);
        if (!citizenId) throw invalidKey(violation!);
        const row = await manager.findOneBy(RegistryDriverEntity, { citizenId });
        return row ? driverView(driverOfRow(row), row) : undefined;
      }
      case 'vessel': {
        const { vesselId, violation } = parseVesselKey(key);
        if (!vesselId) throw invalidKey(violation!);
        const row = await manager.findOneBy(RegistryVesselEntity, { vesselId });
        return row ? vesselView(vesselOfRow(row), row) : undefined;
      }
    }
  }
}
