import { EntityManager } from 'typeorm';
import type { PermitRevocation, PermitView } from '../application/permit.view';

export async function nextPermitSerial(manager: EntityManager): Promise<number> {
  const [row]: { serial: string }[] = await manager.query(`SELECT nextval('permit_numbers') AS serial`);
  return Number(row.serial);
}

export async function insertPermit(manager: EntityManager, p: PermitView): Promise<void> {
  await manager.query(
    `INSERT INTO permits (permit_no, application_id, region, carrier_uscc, carrier_name, permit_class, vehicle, route, dimensions,
       valid_from, valid_until, trips, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      p.permitNo,
      p.applicationId,
      p.region,
      p.carrierUscc,
      p.carrierName,
      p.permitClass,
      JSON.stringify(p.vehicle),
      JSON.stringify(p.route),
      JSON.stringify(p.dimensions),
      p.validFrom,
      p.validUntil,
      p.trips,
      p.issuedAt,
    ],
  );
}

interface PermitRow {
  permit_no: string;
  application_id: string;
  region: string;
  carrier_uscc: string;
  carrier_name: string;
  permit_class: PermitView['permitClass'];
  vehicle: PermitView['vehicle'];
  route: PermitView['route'];
  dimensions: PermitView['dimensions'];
  valid_from: string;
  valid_until: string;
  trips: PermitView['trips'];
  issued_at: Date;
  revoked_at: Date | null;
  revocation_reason: string | null;
  revoked_by: string | null;
  false_materials: boolean;
}

const COLUMNS = `permit_no, application_id, region, carrier_uscc, carrier_name, permit_class, vehicle, route, dimensions,
  valid_from::text, valid_until::text, trips, issued_at, revoked_at, revocation_reason, revoked_by, false_materials`;

function toView(r: PermitRow): PermitView {
  return {
    permitNo: r.permit_no,
    applicationId: r.application_id,
    region: r.region,
    carrierUscc: r.carrier_uscc,
    carrierName: r.carrier_name,
    permitClass: r.permit_class,
    vehicle: r.vehicle,
    route: r.route,
    dimensions: r.dimensions,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    trips: r.trips,
    issuedAt: r.issued_at.toISOString(),
    revocation: r.revoked_at
      ? { reason: r.revocation_reason!, falseMaterials: r.false_materials, revokedBy: r.revoked_by ?? '', revokedAt: r.revoked_at.toISOString() }
      : null,
  };
}

export async function findPermit(manager: EntityManager, permitNo: string, forUpdate = false): Promise<PermitView | undefined> {
  const [row]: PermitRow[] = await manager.query(`SELECT ${COLUMNS} FROM permits WHERE permit_no = $1${forUpdate ? ' FOR UPDATE' : ''}`, [permitNo]);
  return row && toView(row);
}

/** Records the revocation; false when the permit was revoked already (nothing changed). */
export async function recordRevocation(manager: EntityManager, permitNo: string, revocation: PermitRevocation): Promise<boolean> {
  const updated: unknown[] = await manager.query(
    `UPDATE permits SET revoked_at = $2, revocation_reason = $3, revoked_by = $4, false_materials = $5
     WHERE permit_no = $1 AND revoked_at IS NULL RETURNING permit_no`,
    [permitNo, revocation.revokedAt, revocation.reason, revocation.revokedBy, revocation.falseMaterials],
  );
  return (updated[0] as unknown[]).length === 1;
}

export async function findPermitOfApplication(manager: EntityManager, applicationId: string): Promise<PermitView | undefined> {
  const [row]: PermitRow[] = await manager.query(`SELECT ${COLUMNS} FROM permits WHERE application_id = $1`, [applicationId]);
  return row && toView(row);
}
