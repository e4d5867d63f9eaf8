import { EntityManager } from 'typeorm';

/** A registered enterprise as permits keeps it (from `credit.registry.enterprises.changed`). */
export interface RegistryCarrier {
  uscc: string;
  name: string;
  region: string;
  sectors: string[];
  active: boolean;
  revision: number;
  changedAt: string;
}

/** Stores registrations in one statement, the highest revision per enterprise winning. */
export async function putRegistryCarriers(manager: EntityManager, carriers: readonly RegistryCarrier[]): Promise<void> {
  const latest = new Map<string, RegistryCarrier>();
  for (const c of carriers) {
    const held = latest.get(c.uscc);
    if (!held || c.revision > held.revision) latest.set(c.uscc, c);
  }
  const rows = [...latest.values()];
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO registry_carriers (uscc, name, region, sectors, active, revision, changed_at)
     SELECT uscc, name, region, ARRAY(SELECT jsonb_array_elements_text(sectors::jsonb)), active, revision, changed_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], $7::timestamptz[])
            AS r (uscc, name, region, sectors, active, revision, changed_at)
     ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, sectors = EXCLUDED.sectors,
        active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at, received_at = now()
      WHERE registry_carriers.revision < EXCLUDED.revision`,
    [
      rows.map((r) => r.uscc),
      rows.map((r) => r.name),
      rows.map((r) => r.region),
      rows.map((r) => JSON.stringify(r.sectors)),
      rows.map((r) => r.active),
      rows.map((r) => r.revision),
      rows.map((r) => r.changedAt),
    ],
  );
}

export async function findRegistryCarrier(manager: EntityManager, uscc: string): Promise<RegistryCarrier | undefined> {
  const [row]: { uscc: string; name: string; region: string; sectors: string[]; active: boolean; revision: string; changed_at: Date }[] = await manager.query(
    `SELECT uscc, name, region, sectors, active, revision, changed_at FROM registry_carriers WHERE uscc = $1`,
    [uscc],
  );
  return (
    row && {
      uscc: row.uscc,
      name: row.name,
      region: row.region,
      sectors: row.sectors,
      active: row.active,
      revision: Number(row.revision),
      changedAt: row.changed_at.toISOString(),
    }
  );
}
