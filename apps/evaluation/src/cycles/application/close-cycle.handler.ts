import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { parseRegionCode, regionContains } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { chinaDateOf } from '@domain/calendar';
import { cycleOfPeriod } from '../../engine/domain/cycle';
import { subjectScope } from '../../engine/domain/standing';
import { SchemeRegistry } from '../../schemes/application/scheme-registry';
import { SchemeErrorCode } from '../../schemes/domain/scheme-errors';
import { SubjectFactsReader } from '../../standing/application/subject-facts.reader';
import { CycleErrorCode } from '../domain/cycle-errors';
import { CloseCycleCommand, CloseCycleResult } from './close-cycle.command';
import { ProcessCyclesJob } from './process-cycles.job';

/**
 * Starts closing a cycle: grades every subject in the scheme's scope for a past period under the
 * active version, from the records as they stood at the moment of the request (the cutoff).
 * Asking again for the same scheme version and period returns the same close (same results).
 */
@Injectable()
export class CloseCycleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
    private readonly processor: ProcessCyclesJob,
  ) {}

  async execute(principal: Principal, { schemeId, period }: CloseCycleCommand, now = new Date()): Promise<CloseCycleResult> {
    assertScope(principal, Scopes.Admin);
    const manager = this.dataSource.manager;
    const active = (await this.registry.activeAt(manager)).find((s) => s.schemeId === schemeId);
    if (!active) throw DomainError.notFound(SchemeErrorCode.NotFound, `No active scheme ${schemeId}.`);
    const document = active.compiled.document;
    const scope = parseRegionCode(principal.region);
    if (
      !scope.ok ||
      !document.regions.every((r) => {
        const code = parseRegionCode(r);
        return code.ok && regionContains(scope.value, code.value);
      })
    ) {
      throw DomainError.forbidden(SchemeErrorCode.RegionForbidden, `Scheme ${schemeId} covers regions outside the client's region ${principal.region}.`);
    }
    const window = cycleOfPeriod(document.cycle, period);
    if (!window) {
      throw DomainError.validation(CycleErrorCode.InvalidPeriod, [
        { field: 'period', message: `is not a ${document.cycle.kind} period of this scheme (e.g. ${examplePeriod(document.cycle.kind)})`, code: 'INVALID' },
      ]);
    }
    if (window.end >= chinaDateOf(now)) {
      throw new DomainError(CycleErrorCode.PeriodNotEnded, 'precondition', `Period ${period} ends on ${window.end}; it can be closed from the next day.`, [
        { field: 'period', message: `ends on ${window.end}`, code: 'NOT_ENDED' },
      ]);
    }
    const id = uuidv7();
    const total = await SubjectFactsReader.countInScope(manager, subjectScope(document), now);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO evaluation_cycles (id, purpose, period_kind, scheme_id, scheme_version, period, start_date, end_date, cutoff, status, total, requested_by, requested_at)
       VALUES ($1, 'close', $10, $2, $3, $4, $5, $6, $7, 'running', $8, $9, $7)
       ON CONFLICT (scheme_id, scheme_version, purpose, period) DO NOTHING RETURNING id`,
      [id, schemeId, active.version, period, window.start, window.end, now, total, principal.clientId, document.cycle.kind],
    );
    if (inserted.length > 0) {
      this.processor.nudge();
      return { id, created: true };
    }
    const [existing]: { id: string }[] = await manager.query(
      `SELECT id FROM evaluation_cycles WHERE scheme_id = $1 AND scheme_version = $2 AND purpose = 'close' AND period = $3`,
      [schemeId, active.version, period],
    );
    return { id: existing!.id, created: false };
  }
}

function examplePeriod(kind: string): string {
  return { year: '2025', half: '2025-H2', quarter: '2025-Q4', month: '2025-12', week: '2025-W52', rolling: '2025-12-31' }[kind] ?? '2025';
}
