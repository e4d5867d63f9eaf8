import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { OutboxPublisher, PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { RepairRecord } from '../../records/domain/repair-record';
import type { RepairConfig } from '../../repair.definition';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import type { RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import { repairReminders } from '../domain/repair-reminder';
import { RemindersDueRepository } from '../infrastructure/reminders-due.repository';

const CHUNK = 200;

/**
 * The reminder when a record's minimum publicity period ends (DOMAIN.md §5; seed 003 天津: "对1202家
 * 企业进行9170次信用修复提醒"): every REPAIR_REMINDER_SWEEP_MS, each in-force repairable record whose
 * earliest repair date has come and that is still published gets `repair.reminders.due` once (the
 * mark and the event commit together). A record past its publication gets none (nothing to repair).
 */
@Injectable()
export class SendDueRemindersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SendDueRemindersJob');
  private readonly loop = new PeriodicWork(() => this.run(), this.logger, { whileBusy: 'skip', failure: 'repair reminder sweep failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(REPAIR_RULES) private readonly rules: RepairRules,
    @Inject(REPAIR_CHECKLIST) private readonly checklist: RepairChecklist,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<RepairConfig, 'REPAIR_REMINDER_SWEEP_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.REPAIR_REMINDER_SWEEP_MS, { immediately: true, unref: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: sends every reminder due on `today`; returns how many were sent. */
  async run(now = new Date()): Promise<number> {
    const today = chinaDateOf(now);
    let total = 0;
    for (;;) {
      const { seen, sent } = await this.dataSource.transaction((manager) => this.chunk(manager, today, now));
      total += sent;
      if (seen < CHUNK || this.loop.stopping) return total;
    }
  }

  private async chunk(manager: EntityManager, today: string, now: Date): Promise<{ seen: number; sent: number }> {
    const min = { minor: this.rules.periods.minor.minMonths, general: this.rules.periods.general.minMonths, severe: this.rules.periods.severe.minMonths };
    const due = await RemindersDueRepository.lockDue(manager, today, this.rules.repairableRecordTypes, min, CHUNK);
    let sent = 0;
    for (const record of due) {
      // Marked even when the rules find nothing to say (publication over): it is never due again.
      if (!(await RemindersDueRepository.markSent(manager, record.recordId, now))) continue;
      if (await this.remind(manager, record, today, now)) sent += 1;
    }
    return { seen: due.length, sent };
  }

  private async remind(manager: EntityManager, record: RepairRecord, today: string, now: Date): Promise<boolean> {
    const [reminder] = repairReminders(this.rules, this.checklist, [record], today);
    if (!reminder?.eligibleNow) return false;
    await this.outbox.append(manager, Events.RepairReminderDue, {
      subjectId: record.subjectId,
      region: record.region,
      occurredAt: now,
      data: {
        recordId: record.recordId,
        recordType: record.recordType,
        subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
        region: record.region,
        severity: record.severity,
        decisionDate: record.decisionDate,
        earliestRepairDate: reminder.earliestRepairDate,
        publicationEndsOn: reminder.publicationEndsOn,
        mode: reminder.mode,
        modeBasis: reminder.modeBasis,
        remindedAt: now.toISOString(),
      },
    });
    return true;
  }
}
