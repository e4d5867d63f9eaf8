import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { OutboxPublisher } from '@platform/service';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import type { RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import { repairReminders } from '../domain/repair-reminder';
import type { IssueRepairNoticeCommand } from './issue-repair-notice.command';

/**
 * The repair notice (信用修复告知) that goes with a penalty decision (DOMAIN.md §5; seed 004 珠海
 * 预先告知): when a repairable record that is still published arrives, `repair.notices.issued`
 * says from when and how it can be repaired, in the consuming transaction (so once per record).
 */
@Injectable()
export class IssueRepairNoticeHandler {
  constructor(
    private readonly outbox: OutboxPublisher,
    @Inject(REPAIR_RULES) private readonly rules: RepairRules,
    @Inject(REPAIR_CHECKLIST) private readonly checklist: RepairChecklist,
  ) {}

  async execute(manager: EntityManager, record: IssueRepairNoticeCommand): Promise<boolean> {
    const issuedAt = new Date();
    const [notice] = repairReminders(this.rules, this.checklist, [record], chinaDateOf(issuedAt));
    if (!notice) return false;
    await this.outbox.append(manager, Events.RepairNoticeIssued, {
      subjectId: record.subjectId,
      region: record.region,
      occurredAt: issuedAt,
      data: {
        recordId: record.recordId,
        recordType: record.recordType,
        subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
        region: record.region,
        severity: record.severity,
        decisionDate: record.decisionDate,
        earliestRepairDate: notice.earliestRepairDate,
        publicationEndsOn: notice.publicationEndsOn,
        mode: notice.mode,
        modeBasis: notice.modeBasis,
        issuedAt: issuedAt.toISOString(),
        recordVersion: record.version,
      },
    });
    return true;
  }
}
