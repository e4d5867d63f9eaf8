import { EntityManager } from 'typeorm';
import type { PermitRouteV1 } from '@contracts';
import type { PermitView } from '../../applications/application/permit.view';

/** An issued permit with the route geometry it was applied for (the application's stored draft). */
export interface InspectedPermitRow {
  permitNo: string;
  carrier: { uscc: string; name: string };
  vehicle: PermitView['vehicle'];
  dimensions: PermitView['dimensions'];
  /** Beijing dates, inclusive. */
  validFrom: string;
  validUntil: string;
  route: PermitRouteV1;
  /** ISO instant of a revocation, if any. */
  revokedAt?: string;
}

interface Row {
  permit_no: string;
  carrier_uscc: string;
  carrier_name: string;
  vehicle: PermitView['vehicle'];
  dimensions: PermitView['dimensions'];
  valid_from: string;
  valid_until: string;
  segments: { province: string; geometry: { coordinates: [number, number][] } }[];
  revoked_at: Date | null;
}

const SELECT = `SELECT p.permit_no, p.carrier_uscc, p.carrier_name, p.vehicle, p.dimensions, p.valid_from::text, p.valid_until::text, p.revoked_at,
    a.application->'route'->'segments' AS segments
  FROM permits p JOIN permit_applications a ON a.id = p.application_id`;

function toPermit(r: Row): InspectedPermitRow {
  return {
    permitNo: r.permit_no,
    carrier: { uscc: r.carrier_uscc, name: r.carrier_name },
    vehicle: r.vehicle,
    dimensions: r.dimensions,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    route: { segments: r.segments.map((s) => ({ province: s.province, line: { type: 'LineString', coordinates: s.geometry.coordinates } })) },
    ...(r.revoked_at ? { revokedAt: r.revoked_at.toISOString() } : {}),
  };
}

export async function findPermitByNumber(manager: EntityManager, permitNo: string): Promise<InspectedPermitRow | undefined> {
  const [row]: Row[] = await manager.query(`${SELECT} WHERE p.permit_no = $1`, [permitNo]);
  return row && toPermit(row);
}

/**
 * The permit of a tractor plate for a Beijing date: the one whose window holds the date (the latest
 * issued), else the latest issued at all (its window is then the mismatch).
 */
export async function findPermitByPlate(manager: EntityManager, tractorPlate: string, onDate: string): Promise<InspectedPermitRow | undefined> {
  const [row]: Row[] = await manager.query(
    `${SELECT} WHERE p.vehicle->>'tractorPlate' = $1
      ORDER BY ($2::date BETWEEN p.valid_from AND p.valid_until) DESC, p.issued_at DESC LIMIT 1`,
    [tractorPlate, onDate],
  );
  return row && toPermit(row);
}
