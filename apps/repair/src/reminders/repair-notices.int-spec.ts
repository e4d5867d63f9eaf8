import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordUpdatedV1, EventEnvelope } from '@contracts';
import { addDays, addMonths } from '@domain/calendar';
import { EventConsumers, OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { repairDefinition } from '../repair.definition';
import { REPAIR_CHECKLIST_V1 } from '../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../rules/domain/shipped-repair-rules';
import { IssueRepairNoticeHandler } from './application/issue-repair-notice.handler';
import { RecordEventsConsumer } from './interface/record-events.consumer';

/*
 * The repair notice goes with the penalty (DOMAIN.md §5: repair notice delivered with the penalty
 * decision; seed 004 珠海 预先告知): a repairable record received → `repair.notices.issued` with the
 * earliest repair date (general: the day after 3 months from the decision date) and the mode.
 */
describe('repair: a notice for each repairable record received (PostgreSQL outbox)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let consumer: RecordEventsConsumer;
  const today = chinaToday();

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-notices');
    dataSource = await db.dataSource(repairDefinition);
    const outbox = new OutboxPublisher(repairDefinition as ServiceDefinition);
    consumer = new RecordEventsConsumer({} as EventConsumers, new IssueRepairNoticeHandler(outbox, REPAIR_RULES_V1, REPAIR_CHECKLIST_V1));
  });

  afterAll(async () => {
    await db?.drop();
  });

  const received = (recordType: string, severity: 'minor' | 'general' | 'severe') => {
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType,
      subject: { kind: 'org', id: makeUscc('410100'), name: '郑州某运输有限公司' },
      region: '410100',
      severity,
      decisionDate: today,
      documentNumber: `郑交罚〔2026〕${randomUUID().slice(0, 4)}号`,
      isPublic: true,
      summary: '超限运输',
      sourceClientId: 'zhengzhou',
      receivedAt: new Date().toISOString(),
      payload: { violationType: '超限运输' },
    };
    return dataSource.transaction((manager) => consumer.created({ data } as EventEnvelope<CreditRecordCreatedV1>, manager)).then(() => data);
  };
  const notices = (recordId: string) =>
    db.query(`SELECT envelope->'data' AS data FROM repair.outbox WHERE subject = 'repair.notices.issued' AND envelope->'data'->>'recordId' = $1`, [recordId]);

  it('a general penalty: the notice names the day after the 3-month minimum and commitment mode', async () => {
    const record = await received('administrative-penalty', 'general');
    expect(await notices(record.recordId)).toEqual([
      {
        data: expect.objectContaining({
          earliestRepairDate: addDays(addMonths(today, 3), 1),
          publicationEndsOn: addMonths(today, 12),
          mode: 'repair-commitment',
          subject: record.subject,
        }),
      },
    ]);
  });

  const corrected = (record: CreditRecordCreatedV1, changes: CreditRecordUpdatedV1['changes'], facts: Partial<CreditRecordCreatedV1>) => {
    const data: CreditRecordUpdatedV1 = {
      ...record,
      ...facts,
      status: 'corrected',
      change: 'corrected',
      version: 2,
      changes,
      changedBy: 'zhengzhou',
      changedAt: new Date().toISOString(),
    };
    return dataSource.transaction((manager) => consumer.corrected({ data } as EventEnvelope<CreditRecordUpdatedV1>, manager));
  };

  it('a correction from general to severe: a new notice with the severe minimum (1 year), the first one stays as issued', async () => {
    const record = await received('administrative-penalty', 'general');
    await corrected(record, { severity: { from: 'general', to: 'severe' } }, { severity: 'severe' });
    const issued = (await notices(record.recordId)) as { data: { earliestRepairDate: string; publicationEndsOn: string; severity: string } }[];
    expect(issued.map((n) => n.data.earliestRepairDate).sort()).toEqual([addDays(addMonths(today, 3), 1), addDays(addMonths(today, 12), 1)].sort());
    expect(issued.find((n) => n.data.severity === 'severe')?.data.publicationEndsOn).toBe(addMonths(today, 36));
  });

  it('a corrected document number changes nothing the notice says: no second notice', async () => {
    const record = await received('administrative-penalty', 'general');
    await corrected(record, { documentNumber: { from: record.documentNumber, to: '郑交罚〔2026〕更正1号' } }, { documentNumber: '郑交罚〔2026〕更正1号' });
    expect(await notices(record.recordId)).toHaveLength(1);
  });

  it('no notice for a record that is not repairable (a commendation)', async () => {
    const record = await received('commendation', 'minor');
    expect(await notices(record.recordId)).toEqual([]);
  });
});
