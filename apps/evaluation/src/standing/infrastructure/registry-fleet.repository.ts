import { EntityManager } from 'typeorm';

/** A vehicle or driver as the registry announced it, with the carrier it belongs to now. */
export interface FleetMemberRow {
  kind: 'vehicle' | 'driver';
  /** `<plate>:<colour>` for a vehicle, the citizen id for a driver. */
  key: string;
  carrierUscc: string | null;
  active: boolean;
  revision: number;
  changedAt: string;
}

/** Evaluation's copy of carriers' vehicles and drivers (ADR 0053): the highest revision of each member. */
export const RegistryFleetRepository = {
  /**
   * Stores members in one statement, each only over a lower revision. Returns the carriers whose
   * fleet changed: the member's carrier now and, when it moved or left, the one it had before
   * (the CTE `before` reads the table as it was when the statement started).
   */
  async upsertMany(manager: EntityManager, rows: readonly FleetMemberRow[]): Promise<string[]> {
    const latest = new Map<string, FleetMemberRow>();
    for (const row of rows) {
      const id = `${row.kind}\u0000${row.key}`;
      const held = latest.get(id);
      if (!held || row.revision > held.revision) latest.set(id, row);
    }
    const unique = [...latest.values()];
    if (unique.length === 0) return [];
    const changed: { now_carrier: string | null; was_carrier: string | null }[] = await manager.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::timestamptz[])
                AS s (member_kind, member_key, carrier_uscc, active, revision, changed_at)
       ), before AS (
         SELECT f.member_kind, f.member_key, f.carrier_uscc FROM registry_fleet f JOIN incoming i USING (member_kind, member_key)
       ), stored AS (
         INSERT INTO registry_fleet (member_kind, member_key, carrier_uscc, active, revision, changed_at)
         SELECT member_kind, member_key, carrier_uscc, active, revision, changed_at FROM incoming
         ON CONFLICT (member_kind, member_key) DO UPDATE SET carrier_uscc = EXCLUDED.carrier_uscc, active = EXCLUDED.active,
            revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at, received_at = now()
          WHERE registry_fleet.revision < EXCLUDED.revision
         RETURNING member_kind, member_key, carrier_uscc
       )
       SELECT stored.carrier_uscc AS now_carrier, before.carrier_uscc AS was_carrier FROM stored LEFT JOIN before USING (member_kind, member_key)`,
      [
        unique.map((r) => r.kind),
        unique.map((r) => r.key),
        unique.map((r) => r.carrierUscc),
        unique.map((r) => r.active),
        unique.map((r) => r.revision),
        unique.map((r) => r.changedAt),
      ],
    );
    const carriers = new Set<string>();
    for (const row of changed) {
      if (row.now_carrier) carriers.add(row.now_carrier);
      if (row.was_carrier) carriers.add(row.was_carrier);
    }
    return [...carriers];
  },

  /** Active vehicles and drivers per carrier (carriers without any are absent). */
  async countsOf(manager: EntityManager, carrierIds: readonly string[]): Promise<Map<string, { vehicles: number; drivers: number }>> {
    const counts = new Map<string, { vehicles: number; drivers: number }>();
    if (carrierIds.length === 0) return counts;
    const rows: { carrier_uscc: string; vehicles: number; drivers: number }[] = await manager.query(
      `SELECT carrier_uscc, count(*) FILTER (WHERE member_kind = 'vehicle')::int AS vehicles, count(*) FILTER (WHERE member_kind = 'driver')::int AS drivers
         FROM registry_fleet WHERE active AND carrier_uscc = ANY($1::text[]) GROUP BY carrier_uscc`,
      [carrierIds],
    );
    for (const r of rows) counts.set(r.carrier_uscc, { vehicles: r.vehicles, drivers: r.drivers });
    return counts;
  },
};
