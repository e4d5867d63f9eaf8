import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationGradeWithdrawnV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { PROFILE_CHANGES, ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';

/**
 * `evaluation.grade.withdrawn` → the enterprise's grade under that scheme leaves the public
 * profile (ADR 0046): the scheme no longer grades it (e.g. the registry moved it out of the
 * scheme's sectors), so showing the last grade would be a wrong public statement about it. The
 * row is kept as a tombstone at `withdrawnAt`: a grade evaluated before the withdrawal and
 * delivered after it is ignored (ProjectGradeHandler), one evaluated after it is shown again. A
 * withdrawal older than the grade shown (redelivered late) is ignored. The gateways are told the
 * profile changed, as for a grade change.
 */
@Injectable()
export class WithdrawGradeHandler {
  constructor(@Inject(PROFILE_CHANGES) private readonly changes: ProfileChangesPort) {}

  handle(event: EventEnvelope<EvaluationGradeWithdrawnV1>, manager: EntityManager): Promise<void> {
    return this.handleBatch([event], manager);
  }

  /** A batch (ADR 0033) in one statement: per enterprise and scheme, the latest withdrawal. */
  async handleBatch(events: EventEnvelope<EvaluationGradeWithdrawnV1>[], manager: EntityManager): Promise<void> {
    const newest = new Map<string, EvaluationGradeWithdrawnV1>();
    for (const event of events) {
      if (event.version !== Events.EvaluationGradeWithdrawn.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
      const w = event.data;
      if (!w?.subject?.id || !w.schemeId || !w.previous || !Number.isFinite(Date.parse(w.withdrawnAt))) {
        throw new PoisonMessageError('a grade withdrawal needs subject.id, schemeId, previous and withdrawnAt');
      }
      if (w.subject.kind !== 'org') continue;
      const key = `${w.subject.id}\u0000${w.schemeId}`;
      const held = newest.get(key);
      if (!held || Date.parse(w.withdrawnAt) > Date.parse(held.withdrawnAt)) newest.set(key, w);
    }
    if (newest.size === 0) return;
    const withdrawals = [...newest.values()];
    const column = <T>(pick: (w: EvaluationGradeWithdrawnV1) => T) => withdrawals.map(pick);
    // A grade not projected yet is stored as a tombstone carrying the withdrawn grade, dated at the withdrawal.
    const changed: { uscc: string }[] = await manager.query(
      `INSERT INTO public_grades AS g (uscc, scheme_id, scheme_version, grade, score, cycle_label, evaluated_at, withdrawn_at, withdrawal_reason)
         SELECT uscc, scheme_id, scheme_version, grade, score, cycle_label, withdrawn_at, withdrawn_at, reason
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::numeric[], $6::text[], $7::timestamptz[], $8::text[])
                AS w (uscc, scheme_id, scheme_version, grade, score, cycle_label, withdrawn_at, reason)
       ON CONFLICT (uscc, scheme_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at, withdrawal_reason = EXCLUDED.withdrawal_reason
         WHERE g.evaluated_at < EXCLUDED.withdrawn_at AND (g.withdrawn_at IS NULL OR g.withdrawn_at < EXCLUDED.withdrawn_at)
       RETURNING g.uscc`,
      [
        column((w) => w.subject.id),
        column((w) => w.schemeId),
        column((w) => w.previous.schemeVersion),
        column((w) => w.previous.grade),
        column((w) => w.previous.score),
        column((w) => w.previous.cycleLabel),
        column((w) => new Date(w.withdrawnAt).toISOString()),
        column((w) => w.reason),
      ],
    );
    await this.changes.touch(manager, [...new Set(changed.map((r) => r.uscc))]);
  }
}
