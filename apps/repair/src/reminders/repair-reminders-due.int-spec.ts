import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Events, INTEGRATION_EVENTS } from '@contracts';
import { addDays, addMonths } from '@domain/calendar';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { repairDefinition } from '../repair.definition';
import { REPAIR_CHECKLIST_V1 } from '../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../rules/domain/shipped-repair-rules';
import { SendDueRemindersJob } from './application/send-due-reminders.job';

/*
 * The reminder when the minimum period ends (DOMAIN.md §5: "reminders when the minimum period ends
 * (Tianjin: 9,170 reminders to 1,202 firms)", seed 003 天津): a general penalty is published at
 * least 3 months from its decision date, so from the day after, `repair.reminders.due` goes out —
 * once per record, not before, and never for a record that is not repairable or no longer in force.
 */
describe('repair: a reminder when the minimum period ends (scheduled sweep, PostgreSQL outbox)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let job: SendDueRemindersJob;
  const today = chinaToday();

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-reminders-due');
    dataSource = await db.dataSource(repairDefinition);
    job = new SendDueRemindersJob(dataSource, new OutboxPublisher(repairDefinition as ServiceDefinition), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, {
      REPAIR_REMINDER_SWEEP_MS: 3_600_000,
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const record = async (recordType: string, decisionDate: string, status = 'active') => {
    const recordId = randomUUID();
    await db.query(
      `INSERT INTO repair.repair_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date,
         document_number, publicity_ends_on, payload, status, version, changed_at)
       VALUES ($1, $2, 'org', $3, '郑州某运输有限公司', '410100', 'general', $4, $5, NULL, '{"violationType":"超限运输"}', $6, 1, now())`,
      [recordId, recordType, makeUscc('410100'), decisionDate, `郑交罚〔2026〕${recordId.slice(0, 4)}号`, status],
    );
    return recordId;
  };
  const reminders = (recordId: string) =>
    db.query<{ data: Record<string, unknown> }>(
      `SELECT envelope->'data' AS data FROM repair.outbox WHERE subject = 'repair.reminders.due' AND envelope->'data'->>'recordId' = $1`,
      [recordId],
    );

  it('sends the reminder on the day after the 3-month minimum of a general penalty, once', async () => {
    // Decided 3 months and 1 day ago: today is the first day a repair may be applied for.
    const decisionDate = addDays(addMonths(today, -3), -1);
    const due = await record('administrative-penalty', decisionDate);
    await job.run();
    const [sent] = await reminders(due);
    expect(sent?.data).toMatchObject({ earliestRepairDate: addDays(addMonths(decisionDate, 3), 1), mode: 'repair-commitment', region: '410100' });
    expect(String(sent!.data['earliestRepairDate']) <= today).toBe(true);
    await job.run();
    expect(await reminders(due)).toHaveLength(1);
    // An integration event (no platform service consumes it): integrators turn it into SMS, or pull the reminders.
    expect(INTEGRATION_EVENTS).toContainEqual({ event: Events.RepairReminderDue, pullForm: 'GET /api/v1/subjects/{subjectId}/repair-reminders' });
  });

  it('nothing before the minimum ends, nor for a type that is not repairable, nor for a record no longer in force', async () => {
    const early = await record('administrative-penalty', addMonths(today, -2));
    const commendation = await record('commendation', addMonths(today, -4));
    const revoked = await record('administrative-penalty', addMonths(today, -4), 'revoked');
    await job.run();
    expect(await reminders(early)).toEqual([]);
    expect(await reminders(commendation)).toEqual([]);
    expect(await reminders(revoked)).toEqual([]);
  });
});
