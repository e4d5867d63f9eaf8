import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1, RegistryVehicleChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { FleetMemberRow, RegistryFleetRepository } from '../infrastructure/registry-fleet.repository';
import { RegistrationRow, SubjectRegistrationsRepository } from '../infrastructure/subject-registrations.repository';
import { StandingCalculator } from './standing-calculator';

/**
 * The subject registry's enterprises and drivers (delivered by RegistryEventsConsumer) → the
 * registration evaluation keeps per subject → its standings, in the consumer's transaction with
 * the inbox row (ADR 0044). Each event carries the whole registration; the highest revision
 * wins. A subject whose stored registration changed is recomputed at once (its sectors decide
 * which schemes grade it, its date the tenure caps), attributed to the event. Batches (ADR 0033)
 * store every registration in one statement and recompute each changed subject once.
 */
@Injectable()
export class ApplyRegistryEventHandler {
  constructor(private readonly standings: StandingCalculator) {}

  enterpriseChanged(event: EventEnvelope<RegistryEnterpriseChangedV1>, manager: EntityManager): Promise<void> {
    return this.enterprisesChanged([event], manager);
  }

  async enterprisesChanged(events: EventEnvelope<RegistryEnterpriseChangedV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.RegistryEnterpriseChanged.version);
    await this.apply(manager, events, (data) => ({
      subjectId: data.uscc.trim().toUpperCase(),
      kind: 'org',
      region: data.region,
      sectors: [...new Set(data.sectors)].sort(),
      registeredOn: data.registeredOn,
      credit: { registered: !!data.credit?.registered, committed: !!data.credit?.committed, selfAssessed: !!data.credit?.selfAssessed },
      active: data.active,
      revision: data.revision,
      changedAt: data.changedAt,
    }));
  }

  driverChanged(event: EventEnvelope<RegistryDriverChangedV1>, manager: EntityManager): Promise<void> {
    return this.driversChanged([event], manager);
  }

  async driversChanged(events: EventEnvelope<RegistryDriverChangedV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.RegistryDriverChanged.version);
    // The driver's employer's fleet first (ADR 0053), then the driver's own registration.
    await this.applyFleet(manager, events, (data) => ({
      kind: 'driver',
      key: data.citizenId?.trim().toUpperCase() ?? '',
      carrierUscc: data.employerUscc?.trim().toUpperCase() || null,
      active: data.active,
      revision: data.revision,
      changedAt: data.changedAt,
    }));
    await this.apply(manager, events, (data) => ({
      subjectId: data.citizenId.trim().toUpperCase(),
      kind: 'person',
      region: data.region,
      sectors: [...new Set(data.qualificationSectors)].sort(),
      registeredOn: data.qualifiedOn,
      credit: null,
      active: data.active,
      revision: data.revision,
      changedAt: data.changedAt,
    }));
  }

  vehicleChanged(event: EventEnvelope<RegistryVehicleChangedV1>, manager: EntityManager): Promise<void> {
    return this.vehiclesChanged([event], manager);
  }

  /** A carrier's vehicles (ADR 0053): the carriers whose fleet changed are recomputed (per-vehicle indicators). */
  async vehiclesChanged(events: EventEnvelope<RegistryVehicleChangedV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.RegistryVehicleChanged.version);
    await this.applyFleet(manager, events, (data) => ({
      kind: 'vehicle',
      key: data.plate && data.plateColour ? `${data.plate.trim().toUpperCase()}:${data.plateColour.trim().toLowerCase()}` : '',
      carrierUscc: data.carrierUscc?.trim().toUpperCase() || null,
      active: data.active,
      revision: data.revision,
      changedAt: data.changedAt,
    }));
  }

  private async applyFleet<T>(manager: EntityManager, events: EventEnvelope<T>[], row: (data: T) => FleetMemberRow): Promise<void> {
    const rows = events.map((event) => {
      const member = row(event.data);
      if (!member.key || !Number.isSafeInteger(member.revision) || typeof member.active !== 'boolean') {
        throw new PoisonMessageError(`fleet member in event ${event.id} lacks its key, revision or active flag`);
      }
      return member;
    });
    const carriers = await RegistryFleetRepository.upsertMany(manager, rows);
    // Every changed carrier is attributed to the batch's last event (stream order).
    const cause = events.at(-1)!.id;
    await this.standings.recomputeMany(manager, new Map(carriers.map((carrier) => [carrier, cause])));
  }

  private async apply<T>(manager: EntityManager, events: EventEnvelope<T>[], row: (data: T) => RegistrationRow): Promise<void> {
    const rows = events.map((event) => {
      const registration = row(event.data);
      if (!registration.subjectId || !Number.isSafeInteger(registration.revision) || !registration.region) {
        throw new PoisonMessageError(`registration in event ${event.id} lacks its subject id, region or revision`);
      }
      return registration;
    });
    const changed = new Set(await SubjectRegistrationsRepository.upsertMany(manager, rows));
    // Each changed subject's cause: the event (stream order, last wins) whose registration is stored.
    const causes = new Map<string, string>();
    rows.forEach((registration, i) => {
      if (changed.has(registration.subjectId)) causes.set(registration.subjectId, events[i]!.id);
    });
    await this.standings.recomputeMany(manager, causes);
  }
}

/** A batch with an event of another version throws: the per-event fallback dead-letters that one. */
function assertVersion(events: readonly EventEnvelope[], version: number): void {
  const wrong = events.find((event) => event.version !== version);
  if (wrong) throw new PoisonMessageError(`unsupported version ${wrong.version} (event ${wrong.id})`);
}
