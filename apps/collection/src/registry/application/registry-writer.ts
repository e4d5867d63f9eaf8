import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { EventDefinition, Events, RegistrySource } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import type { Sector } from '@domain/credit';
import { enterpriseSectors, nextSectorChange, type EnterpriseRegistration } from '../domain/enterprise';
import { vehicleKeyOf, type VehicleRegistration } from '../domain/vehicle';
import type { DriverRegistration } from '../domain/driver';
import type { VesselRegistration } from '../domain/vessel';
import { sameContent } from '../domain/same-content';
import { RegistryDriverEntity, RegistryEnterpriseEntity, RegistryVehicleEntity, RegistryVesselEntity } from '../infrastructure/registry.entities';
import { driverOfRow, enterpriseOfRow, enterpriseRow, vehicleOfRow, vesselOfRow } from '../infrastructure/registry-rows';

/** Who writes, and from where: the revision's source and author. */
export interface RegistryAuthor {
  source: RegistrySource;
  /** Client id, or `system:licence-records` for the licence-record hook. */
  changedBy: string;
  /** Refuses the write (throws) if the author may not move `current` to `next` (region scope). */
  authorise(current: { region: string } | undefined, next: { region: string }): void;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface Upserted<T> {
  registration: T;
  revision: number;
  source: RegistrySource;
  changedAt: Date;
  outcome: UpsertOutcome;
}

export interface UpsertedEnterprise extends Upserted<EnterpriseRegistration> {
  sectors: Sector[];
}

interface UpsertSpec<TReg extends { region: string }, TRow extends ObjectLiteral> {
  entity: new () => TRow;
  /** Serialises writers of one key for the rest of the transaction (a new key has no row to lock). */
  lockKey: string;
  where: Partial<TRow>;
  ofRow(row: TRow): TReg;
  next(current: TReg | undefined): TReg;
  /** What must be equal for the write to change nothing (the registration, plus derived fields). */
  content(registration: TReg, row?: TRow): unknown;
  toRow(registration: TReg): Partial<TRow>;
  /** Columns to update when the content is unchanged (bookkeeping only: no revision, no event). */
  touch?(registration: TReg, row: TRow): Partial<TRow> | undefined;
}

/**
 * The one write path of the registry: an idempotent upsert of a registration and, when its
 * content changed, revision + 1 and ONE change event in the same transaction (outbox,
 * ARCHITECTURE.md §4). Writing the same content again changes nothing and announces nothing.
 * Callers give the transaction (a PUT, an import line, the licence-record consumer's inbox transaction).
 */
@Injectable()
export class RegistryWriter {
  constructor(private readonly outbox: OutboxPublisher) {}

  async enterprise(
    manager: EntityManager,
    uscc: string,
    next: (current: EnterpriseRegistration | undefined) => EnterpriseRegistration,
    author: RegistryAuthor,
    today: string,
  ): Promise<UpsertedEnterprise> {
    let sectors: Sector[] = [];
    const result = await this.upsert(
      manager,
      {
        entity: RegistryEnterpriseEntity,
        lockKey: `registry:enterprise:${uscc}`,
        where: { uscc },
        ofRow: enterpriseOfRow,
        next,
        content: (registration, row) => ({ registration, sectors: row ? row.sectors : enterpriseSectors(registration, today) }),
        toRow: (registration) => ({
          ...enterpriseRow(registration),
          sectors: (sectors = enterpriseSectors(registration, today)),
          sectorsNextChange: nextSectorChange(registration.licences, today),
        }),
        // Nothing to announce, but the day the sectors may next change has moved on with time.
        touch: (registration, row) => {
          const next = nextSectorChange(registration.licences, today);
          return next === row.sectorsNextChange ? undefined : { sectorsNextChange: next };
        },
      },
      author,
      (registration, meta) => [
        Events.RegistryEnterpriseChanged,
        {
          subjectId: registration.uscc,
          region: registration.region,
          occurredAt: meta.changedAt,
          data: {
            uscc: registration.uscc,
            name: registration.name,
            region: registration.region,
            sectors,
            // RegistryLicenceV1: the record link stays internal.
            licences: registration.licences.map((l) => ({
              number: l.number,
              sectors: [...l.sectors],
              validFrom: l.validFrom,
              validUntil: l.validUntil,
              authority: l.authority,
            })),
            registeredOn: registration.registeredOn,
            credit: registration.credit,
            active: registration.active,
            ...meta.stamp,
          },
        },
      ],
    );
    const stored = await manager.getRepository(RegistryEnterpriseEntity).findOneByOrFail({ uscc });
    return { ...result, sectors: stored.sectors };
  }

  vehicle(manager: EntityManager, key: { plate: string; plateColour: string }, registration: VehicleRegistration, author: RegistryAuthor) {
    return this.upsert(
      manager,
      {
        entity: RegistryVehicleEntity,
        lockKey: `registry:vehicle:${vehicleKeyOf(key)}`,
        where: { plate: key.plate, plateColour: registration.plateColour },
        ofRow: vehicleOfRow,
        next: () => registration,
        content: (r) => r,
        toRow: (r) => r,
      },
      author,
      (r, meta, previous) => [
        Events.RegistryVehicleChanged,
        {
          subjectId: vehicleKeyOf(r),
          region: r.region,
          occurredAt: meta.changedAt,
          data: { ...r, previousCarrierUscc: moved(previous?.carrierUscc, r.carrierUscc), ...meta.stamp },
        },
      ],
    );
  }

  driver(manager: EntityManager, registration: DriverRegistration, author: RegistryAuthor) {
    return this.upsert(
      manager,
      {
        entity: RegistryDriverEntity,
        lockKey: `registry:driver:${registration.citizenId}`,
        where: { citizenId: registration.citizenId },
        ofRow: driverOfRow,
        next: () => registration,
        content: (r) => r,
        toRow: (r) => r,
      },
      author,
      (r, meta, previous) => [
        Events.RegistryDriverChanged,
        {
          subjectId: r.citizenId,
          region: r.region,
          occurredAt: meta.changedAt,
          data: { ...r, previousEmployerUscc: moved(previous?.employerUscc, r.employerUscc), ...meta.stamp },
        },
      ],
    );
  }

  vessel(manager: EntityManager, registration: VesselRegistration, author: RegistryAuthor) {
    return this.upsert(
      manager,
      {
        entity: RegistryVesselEntity,
        lockKey: `registry:vessel:${registration.vesselId}`,
        where: { vesselId: registration.vesselId },
        ofRow: vesselOfRow,
        next: () => registration,
        content: (r) => r,
        toRow: (r) => r,
      },
      author,
      (r, meta, previous) => [
        Events.RegistryVesselChanged,
        {
          subjectId: r.vesselId,
          region: r.region,
          occurredAt: meta.changedAt,
          data: { ...r, previousOwnerUscc: moved(previous?.ownerUscc, r.ownerUscc), ...meta.stamp },
        },
      ],
    );
  }

  private async upsert<TReg extends { region: string }, TRow extends ObjectLiteral, TData>(
    manager: EntityManager,
    spec: UpsertSpec<TReg, TRow>,
    author: RegistryAuthor,
    event: (
      registration: TReg,
      meta: { changedAt: Date; stamp: { revision: number; source: RegistrySource; changedAt: string } },
      previous: TReg | undefined,
    ) => [EventDefinition<TData>, { subjectId: string; region: string; occurredAt: Date; data: TData }],
  ): Promise<Upserted<TReg>> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [spec.lockKey]);
    const repository = manager.getRepository(spec.entity);
    const row = await repository.findOneBy(spec.where as never);
    const current = row ? spec.ofRow(row) : undefined;
    const next = spec.next(current);
    author.authorise(current, next);
    if (row && current && sameContent(spec.content(current, row), spec.content(next))) {
      const touched = spec.touch?.(current, row);
      if (touched) await repository.update(spec.where as never, touched as never);
      return { registration: current, revision: row.revision, source: row.source, changedAt: row.changedAt, outcome: 'unchanged' };
    }
    const revision = row ? (row.revision as number) + 1 : 1;
    const changedAt = new Date();
    const values = { ...spec.toRow(next), revision, source: author.source, changedAt, changedBy: author.changedBy } as unknown as TRow;
    if (row) await repository.update(spec.where as never, values as never);
    else await repository.insert(values as never);
    const [definition, payload] = event(next, { changedAt, stamp: { revision, source: author.source, changedAt: changedAt.toISOString() } }, current);
    await this.outbox.append(manager, definition, payload);
    return { registration: next, revision, source: author.source, changedAt, outcome: row ? 'updated' : 'created' };
  }
}

/** The owner before this change when it changed (the event contract's previous…Uscc), else null. */
function moved(before: string | null | undefined, after: string | null): string | null {
  return before !== undefined && before !== after ? before : null;
}
