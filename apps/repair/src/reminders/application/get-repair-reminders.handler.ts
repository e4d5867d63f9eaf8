import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { parseUscc, usccRegistrationRegion } from '@domain/identifiers';
import { assertScope, hasScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { RepairRecordReader } from '../../records/application/repair-record-reader';
import type { RepairRecord } from '../../records/domain/repair-record';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import type { RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import { repairReminders, type RepairReminder } from '../domain/repair-reminder';
import type { GetRepairRemindersQuery } from './get-repair-reminders.query';

/**
 * A subject's repair reminders (Tianjin, seed 003: reminders when the minimum period ends): for each
 * of its records in the caller's region that is still published and repairable, the earliest
 * repair date and the mode. Scope records:read or records:write. A record a partner province
 * decided is in no region of ours: it is shown to callers of the region the enterprise is
 * registered in, where its repair is applied for and forwarded to that province (ADR 0084).
 */
@Injectable()
export class GetRepairRemindersHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RepairRecordReader,
    @Inject(REPAIR_RULES) private readonly rules: RepairRules,
    @Inject(REPAIR_CHECKLIST) private readonly checklist: RepairChecklist,
  ) {}

  async execute(principal: Principal, query: GetRepairRemindersQuery): Promise<RepairReminder[]> {
    if (!hasScope(principal, Scopes.RecordsWrite)) assertScope(principal, Scopes.RecordsRead);
    const records = await this.records.ofSubject(this.dataSource.manager, query.subjectId);
    const visible = records.filter((r) => isWithinRegion(principal, r.region) || (r.partner !== null && registeredWithin(principal, r)));
    return repairReminders(this.rules, this.checklist, visible, chinaDateOf(new Date()));
  }
}

/** An enterprise's registration region is its USCC's positions 3–8 (GB 32100-2015); other subjects are not matched so. */
function registeredWithin(principal: Principal, record: RepairRecord): boolean {
  if (record.subjectKind !== 'org') return false;
  const uscc = parseUscc(record.subjectId);
  const registered = uscc.ok ? usccRegistrationRegion(uscc.value) : undefined;
  return registered !== undefined && isWithinRegion(principal, registered);
}
