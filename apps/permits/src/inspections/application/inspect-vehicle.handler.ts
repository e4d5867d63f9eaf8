import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { regionContains, type RegionCode } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import { CorridorIndex } from '../../conformance/domain/corridor-index';
import { checkInspection, InspectionErrorCode, judgeInspection, type Inspection, type Mismatch, type PermitUnderInspection } from '../domain/inspection';
import { inspectionEpisodeId, inspectionViolation } from '../domain/inspection-violation';
import { PLACEHOLDER_TOLERANCES, type InspectionTolerances } from '../domain/tolerances';
import { findPermitByNumber, findPermitByPlate, type InspectedPermitRow } from '../infrastructure/inspected-permits.repository';
import type { PermitsConfig } from '../../permits.definition';

export interface InspectVehicleCommand {
  inspection: Omit<Inspection, 'inspectedAt'> & { inspectedAt: string };
  idempotencyKey: string;
}

export interface CheckpointInspectionView {
  inspectionId: string;
  outcome: 'pass' | 'refuse';
  permitNo: string | null;
  mismatches: Mismatch[];
  episodeId: string | null;
  toleranceSource: string;
}

export interface InspectVehicleResult {
  inspection: CheckpointInspectionView;
  replayed: boolean;
}

/**
 * A checkpoint's measurement against the vehicle's permit (issue 18 item 7; seed 000 "入口称重、出口核查
 * … 逐车检测验证"): invalid input is refused whole (400, each field), an unknown permit number is a 400;
 * the verdict is stored, and a refusal announces one violation (outbox, permits.violations.detected)
 * in the same transaction, keyed by the Idempotency-Key and, without one, by the inspection's episode.
 */
@Injectable()
export class InspectVehicleHandler {
  private readonly tolerances: InspectionTolerances;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: PermitsConfig,
  ) {
    this.tolerances = tolerancesOf(config);
  }

  async execute(principal: Principal, command: InspectVehicleCommand, now = Date.now()): Promise<InspectVehicleResult> {
    assertScope(principal, Scopes.PermitsWrite);
    const violations = checkInspection(command.inspection, now);
    if (violations.length > 0)
      throw DomainError.validation(InspectionErrorCode.Invalid, violations, 'The inspection is invalid; every field is listed; nothing was stored.');
    if (!regionContains(principal.region as RegionCode, command.inspection.checkpoint.region as RegionCode)) {
      throw DomainError.validation(InspectionErrorCode.Invalid, [
        { field: 'checkpoint.region', message: `${command.inspection.checkpoint.region} is outside the inspecting client's region ${principal.region}` },
      ]);
    }
    const inspection: Inspection = {
      ...command.inspection,
      tractorPlate: command.inspection.tractorPlate.trim(),
      inspectedAt: Date.parse(command.inspection.inspectedAt),
    };
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'checkpoint-inspections.inspect', request: command.inspection },
        () => this.inspect(manager, principal, inspection),
      ),
    );
    return { inspection: answer, replayed };
  }

  private async inspect(manager: EntityManager, principal: Principal, inspection: Inspection): Promise<CheckpointInspectionView> {
    const found = await this.permitOf(manager, inspection);
    const permit = found && underInspection(found, inspection, this.config.ROUTE_CORRIDOR_WIDTH_M);
    const verdict = judgeInspection(inspection, permit, this.tolerances);
    const episodeId = inspectionEpisodeId(inspection);
    const view: CheckpointInspectionView = {
      inspectionId: randomUUID(),
      outcome: verdict.outcome,
      permitNo: permit?.permitNo ?? null,
      mismatches: verdict.mismatches,
      episodeId: verdict.outcome === 'refuse' ? episodeId : null,
      toleranceSource: this.tolerances.source,
    };
    const stored = await this.store(manager, principal, inspection, episodeId, view);
    if (stored !== view) return stored;
    if (verdict.outcome === 'refuse') {
      const data = inspectionViolation(inspection, permit, verdict.mismatches, episodeId);
      await this.outbox.append(manager, Events.PermitViolationDetected, {
        subjectId: data.subject.id,
        region: data.region,
        occurredAt: new Date(data.detectedAt),
        data,
      });
    }
    return view;
  }

  private async permitOf(manager: EntityManager, inspection: Inspection): Promise<InspectedPermitRow | undefined> {
    if (!inspection.permitNo) return findPermitByPlate(manager, inspection.tractorPlate, chinaDateOf(new Date(inspection.inspectedAt)));
    const permit = await findPermitByNumber(manager, inspection.permitNo);
    if (!permit)
      throw DomainError.validation(InspectionErrorCode.UnknownPermit, [{ field: 'permitNo', message: `no permit ${inspection.permitNo} was issued` }]);
    return permit;
  }

  /**
   * The same inspection sent again (same checkpoint, vehicle and time, same measurement) answers what
   * was stored, announcing nothing; the same episode with another measurement is a 409 (nothing stored).
   */
  private async store(
    manager: EntityManager,
    principal: Principal,
    inspection: Inspection,
    episodeId: string,
    view: CheckpointInspectionView,
  ): Promise<CheckpointInspectionView> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO checkpoint_inspections (episode_id, inspection_id, outcome, permit_no, tractor_plate, checkpoint, measured, mismatches, inspected_at, client_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (episode_id) DO NOTHING RETURNING episode_id`,
      [
        episodeId,
        view.inspectionId,
        view.outcome,
        view.permitNo,
        inspection.tractorPlate,
        JSON.stringify(inspection.checkpoint),
        JSON.stringify(inspection.measured),
        JSON.stringify(view.mismatches),
        new Date(inspection.inspectedAt).toISOString(),
        principal.clientId,
      ],
    );
    if (inserted.length > 0) return view;
    const [row]: StoredInspectionRow[] = await manager.query(
      `SELECT inspection_id, outcome, permit_no, mismatches, measured = $2::jsonb AND checkpoint = $3::jsonb AS same_measurement
         FROM checkpoint_inspections WHERE episode_id = $1`,
      [episodeId, JSON.stringify(inspection.measured), JSON.stringify(inspection.checkpoint)],
    );
    if (!row.same_measurement) {
      throw DomainError.conflict(
        InspectionErrorCode.ConflictingRepeat,
        `An inspection of ${inspection.tractorPlate} at ${inspection.checkpoint.name} at ${new Date(inspection.inspectedAt).toISOString()} was stored with another measurement; the first is kept.`,
      );
    }
    return {
      ...view,
      inspectionId: row.inspection_id,
      outcome: row.outcome,
      permitNo: row.permit_no,
      mismatches: row.mismatches,
      episodeId: row.outcome === 'refuse' ? episodeId : null,
    };
  }
}

interface StoredInspectionRow {
  inspection_id: string;
  outcome: 'pass' | 'refuse';
  permit_no: string | null;
  mismatches: Mismatch[];
  same_measurement: boolean;
}

function tolerancesOf(config: PermitsConfig): InspectionTolerances {
  return {
    heightM: config.CHECKPOINT_TOLERANCE_HEIGHT_M,
    widthM: config.CHECKPOINT_TOLERANCE_WIDTH_M,
    lengthM: config.CHECKPOINT_TOLERANCE_LENGTH_M,
    grossMassShare: config.CHECKPOINT_TOLERANCE_MASS_SHARE,
    source: config.CHECKPOINT_TOLERANCE_SOURCE ?? PLACEHOLDER_TOLERANCES.source,
  };
}

/** The permit as the verdict needs it; the checkpoint is placed against the corridor with route conformance's geometry. */
function underInspection(permit: InspectedPermitRow, inspection: Inspection, corridorWidthM: number): PermitUnderInspection {
  const route = {
    permitNo: permit.permitNo,
    plate: permit.vehicle.tractorPlate,
    plateColour: 'yellow',
    route: permit.route,
    validFrom: Date.parse(`${permit.validFrom}T00:00:00+08:00`),
    validUntil: Date.parse(`${permit.validUntil}T23:59:59.999+08:00`),
    carrier: permit.carrier,
    issuedByRegion: '',
  };
  const corridor = new CorridorIndex([route], corridorWidthM);
  return {
    permitNo: permit.permitNo,
    carrier: permit.carrier,
    tractorPlate: permit.vehicle.tractorPlate,
    trailerPlate: permit.vehicle.trailerPlate,
    axleCount: permit.vehicle.axleCount,
    dimensions: permit.dimensions,
    validFrom: route.validFrom,
    validUntil: route.validUntil,
    checkpointOnRoute: corridor.insideCorridor(route, inspection.checkpoint.longitude, inspection.checkpoint.latitude),
    ...(permit.revokedAt ? { revokedAt: Date.parse(permit.revokedAt) } : {}),
  };
}
