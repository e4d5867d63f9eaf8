import type { EnterpriseRegistration } from '../domain/enterprise';
import type { VehicleRegistration } from '../domain/vehicle';
import type { DriverRegistration } from '../domain/driver';
import type { VesselRegistration } from '../domain/vessel';
import { RegistryDriverEntity, RegistryEnterpriseEntity, RegistryVehicleEntity, RegistryVesselEntity } from './registry.entities';

// Rows ↔ registrations. Each registration is rebuilt field by field in the order its validator
// builds it, so that a stored registration and an equal new one compare equal.

export function enterpriseOfRow(row: RegistryEnterpriseEntity): EnterpriseRegistration {
  return {
    uscc: row.uscc,
    name: row.name,
    region: row.region,
    declaredSectors: row.declaredSectors,
    licences: row.licences,
    registeredOn: row.registeredOn,
    credit: { registered: row.creditRegistered, committed: row.creditCommitted, selfAssessed: row.creditSelfAssessed },
    active: row.active,
  };
}

export function enterpriseRow(
  r: EnterpriseRegistration,
): Omit<RegistryEnterpriseEntity, 'revision' | 'source' | 'changedAt' | 'changedBy' | 'sectors' | 'sectorsNextChange'> {
  return {
    uscc: r.uscc,
    name: r.name,
    region: r.region,
    declaredSectors: r.declaredSectors,
    licences: r.licences,
    registeredOn: r.registeredOn,
    creditRegistered: r.credit.registered,
    creditCommitted: r.credit.committed,
    creditSelfAssessed: r.credit.selfAssessed,
    active: r.active,
  };
}

export function vehicleOfRow(row: RegistryVehicleEntity): VehicleRegistration {
  return {
    plate: row.plate,
    plateColour: row.plateColour,
    carrierUscc: row.carrierUscc,
    region: row.region,
    vehicleType: row.vehicleType,
    axles: row.axles,
    transportCertificate: row.transportCertificate,
    active: row.active,
  };
}

export function driverOfRow(row: RegistryDriverEntity): DriverRegistration {
  return {
    citizenId: row.citizenId,
    name: row.name,
    qualificationCertificate: row.qualificationCertificate,
    qualificationSectors: row.qualificationSectors,
    employerUscc: row.employerUscc,
    region: row.region,
    qualifiedOn: row.qualifiedOn,
    active: row.active,
  };
}

export function vesselOfRow(row: RegistryVesselEntity): VesselRegistration {
  return {
    vesselId: row.vesselId,
    name: row.name,
    ownerUscc: row.ownerUscc,
    region: row.region,
    vesselType: row.vesselType,
    grossTonnage: row.grossTonnage,
    active: row.active,
  };
}
