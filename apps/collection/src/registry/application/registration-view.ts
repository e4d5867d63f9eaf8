import type { Sector } from '@domain/credit';
import type { RegistrySource } from '@contracts';
import { licenceInForce, type EnterpriseRegistration } from '../domain/enterprise';
import { maskedDriverId, type DriverRegistration } from '../domain/driver';
import { vehicleKeyOf, type VehicleRegistration } from '../domain/vehicle';
import type { VesselRegistration } from '../domain/vessel';
import type { RegistrationKind } from '../domain/registration-kind';

/** A registration as collection answers it: never a whole citizen ID (DOMAIN.md §1, §6). */
export interface RegistrationView {
  kind: RegistrationKind;
  /** The key as it appears in paths (a driver's masked). */
  key: string;
  revision: number;
  source: RegistrySource;
  changedAt: string;
  registration: Record<string, unknown>;
}

interface Meta {
  revision: number;
  source: RegistrySource;
  changedAt: Date;
}

const stamp = (m: Meta) => ({ revision: m.revision, source: m.source, changedAt: m.changedAt.toISOString() });

export function enterpriseView(r: EnterpriseRegistration, sectors: Sector[], meta: Meta, today: string): RegistrationView {
  return {
    kind: 'enterprise',
    key: r.uscc,
    ...stamp(meta),
    registration: {
      uscc: r.uscc,
      name: r.name,
      region: r.region,
      sectors,
      declaredSectors: r.declaredSectors,
      licences: r.licences.map((l) => ({ ...l, inForce: licenceInForce(l, today) })),
      registeredOn: r.registeredOn,
      credit: r.credit,
      active: r.active,
    },
  };
}

export function vehicleView(r: VehicleRegistration, meta: Meta): RegistrationView {
  return { kind: 'vehicle', key: vehicleKeyOf(r), ...stamp(meta), registration: { key: vehicleKeyOf(r), ...r } };
}

export function driverView(r: DriverRegistration, meta: Meta): RegistrationView {
  const citizenId = maskedDriverId(r.citizenId);
  return { kind: 'driver', key: citizenId, ...stamp(meta), registration: { ...r, citizenId } };
}

export function vesselView(r: VesselRegistration, meta: Meta): RegistrationView {
  return { kind: 'vessel', key: r.vesselId, ...stamp(meta), registration: { ...r } };
}
