import { randomUUID } from 'node:crypto';
import {
  CreditRecordUpdatedV1,
  EventDefinition,
  EvaluationGradeChangedV1,
  EventEnvelope,
  Events,
  ListEntryEffectiveV1,
  MONITORING_VIOLATIONS_SUBJECT,
  MonitoringViolationFeedV1,
  RepairRecordRepairedV1,
  RepairRecordRepairRevokedV1,
} from '@contracts';
import type { NewEvent } from '@platform/messaging';
import { DeepPartial, defineFactory, Factory } from './factory';
import { chinaToday, daysAgo, makeUscc } from './test-data';

/**
 * Events of one definition, as tests publish them (`envelope()`, the message on JetStream) or
 * append them to an outbox (`newEvent()`, which the outbox gives its id, type and version).
 */
export interface EventFactory<TData> {
  envelope: Factory<EventEnvelope<TData>>;
  newEvent(overrides?: DeepPartial<NewEvent<TData>>): NewEvent<TData>;
}

/**
 * An event factory for `definition`: `data(n)` gives the payload, `subjectIdOf(data)` the
 * envelope's subjectId unless an override sets it (so overriding the data's subject moves the
 * envelope with it). Region 410100 (Zhengzhou) and "now" unless overridden.
 */
export function defineEventFactory<TData extends object>(
  definition: EventDefinition<TData>,
  data: (sequence: number) => TData,
  subjectIdOf: (data: TData) => string,
): EventFactory<TData> {
  const build = defineFactory<EventEnvelope<TData>>((n) => ({
    id: randomUUID(),
    type: definition.subject,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    subjectId: '',
    region: '410100',
    data: data(n),
  }));
  const withSubject = <E extends { subjectId: string; data: TData }>(event: E, overrides: { subjectId?: string }): E =>
    overrides.subjectId === undefined ? { ...event, subjectId: subjectIdOf(event.data) } : event;
  return {
    envelope: (overrides = {}) => withSubject(build(overrides), overrides),
    newEvent: (overrides = {}) => {
      const { occurredAt, ...rest } = overrides;
      const { subjectId, region, data: payload } = withSubject(build(rest as DeepPartial<EventEnvelope<TData>>), overrides);
      return { subjectId, region, data: payload, ...(occurredAt ? { occurredAt: occurredAt as Date } : {}) };
    },
  };
}

/** `repair.records.repaired`: the authority approved a repair of one record. */
export const repairRecordRepairedEvent = defineEventFactory<RepairRecordRepairedV1>(
  Events.RepairRecordRepaired,
  () => ({
    applicationId: `RA-${randomUUID().slice(0, 8)}`,
    recordId: randomUUID(),
    subject: { kind: 'org', id: makeUscc() },
    path: 'repair-commitment',
    decidedBy: 'henan-credit-office',
    decidedAt: new Date().toISOString(),
    reason: '已履行行政处罚决定并提交信用修复承诺书',
  }),
  (data) => data.subject.id,
);

/** `repair.records.repair-revoked`: the authority revoked a repair it approved (false commitment). */
export const repairRecordRepairRevokedEvent = defineEventFactory<RepairRecordRepairRevokedV1>(
  Events.RepairRecordRepairRevoked,
  () => ({
    applicationId: `RA-${randomUUID().slice(0, 8)}`,
    recordId: randomUUID(),
    subject: { kind: 'org', id: makeUscc() },
    revokedBy: 'henan-credit-office',
    revokedAt: new Date().toISOString(),
    reason: '信用承诺不实，撤销信用修复决定',
    barredUntil: chinaToday(),
  }),
  (data) => data.subject.id,
);

/** `credit.records.updated`: a record as it now stands (default: repaired, version 2). */
export const creditRecordUpdatedEvent = defineEventFactory<CreditRecordUpdatedV1>(
  Events.CreditRecordUpdated,
  (n) => ({
    recordId: randomUUID(),
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: makeUscc(), name: `郑州测试运输有限公司${n}` },
    region: '410100',
    severity: 'general',
    decisionDate: daysAgo(1),
    documentNumber: `郑交执罚〔2026〕${1000 + n}号`,
    isPublic: true,
    status: 'repaired',
    change: 'repaired',
    version: 2,
    changes: {},
    changedBy: 'system:repair',
    changedAt: new Date().toISOString(),
  }),
  (data) => data.subject.id,
);

/** `measures.list-entries.effective`: a manually confirmed red-list entry, in force today. */
export const listEntryEffectiveEvent = defineEventFactory<ListEntryEffectiveV1>(
  Events.ListEntryEffective,
  (n) => {
    const today = chinaToday();
    return {
      entryId: randomUUID(),
      listType: 'red',
      subject: { kind: 'org', id: makeUscc(), name: `郑州测试运输有限公司${n}` },
      region: '410100',
      status: 'effective',
      origin: 'manual',
      ruleId: null,
      grounds: '连续三年信用评价为AAA级',
      basis: [],
      provenance: null,
      proposedOn: today,
      noticeEndsOn: today,
      startsOn: today,
      endsOn: null,
      decision: { outcome: 'confirmed', decidedOn: today, decidedBy: 'zhengzhou', documentNumber: `郑交信〔2026〕${n}号`, reason: '' },
      removal: null,
      version: 2,
    };
  },
  (data) => data.subject.id,
);

/** `evaluation.grade.changed`: a Zhengzhou carrier green on the Henan codes this year (override what the test needs). */
export const gradeChangedEvent = defineEventFactory<EvaluationGradeChangedV1>(
  Events.EvaluationGradeChanged,
  (n) => {
    const today = chinaToday();
    return {
      schemeId: 'henan-passenger-hazardous-codes',
      schemeVersion: 1,
      schemeName: { zh: '河南省“两客一危”企业信用分级分类', en: 'Henan passenger and hazardous carriers' },
      subject: { kind: 'org', id: makeUscc() },
      region: '410100',
      cycle: { label: today.slice(0, 4), start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` },
      previousGrade: null,
      grade: 'green',
      score: 990 - n,
      triggers: [],
      evaluatedAt: new Date().toISOString(),
      causeEventId: randomUUID(),
    };
  },
  (data) => data.subject.id,
);

/** The monitoring platforms' feed (not a catalogue event: collection consumes it, nobody publishes it in-platform). */
export const MonitoringViolationFeed: EventDefinition<MonitoringViolationFeedV1> = { stream: 'MONITORING', subject: MONITORING_VIOLATIONS_SUBJECT, version: 1 };

/** A monitoring platform's violation (fatigue driving of a Zhengzhou vehicle today), keyed by the vehicle. */
export const monitoringViolationEvent = defineEventFactory<MonitoringViolationFeedV1>(
  MonitoringViolationFeed,
  (n) => {
    const today = chinaToday();
    return {
      source: 'henan-gps',
      record: {
        recordType: 'monitoring-violation',
        subject: { kind: 'vehicle', id: '豫A7C321', name: '豫A7C321' },
        region: '410100',
        severity: 'general',
        decisionDate: today,
        documentNumber: `BJ-${randomUUID().slice(0, 12)}`,
        sourceRecordId: `alarm-${randomUUID()}-${n}`,
        payload: {
          violationCode: 'fatigue-driving',
          occurredAt: `${today}T02:10:00+08:00`,
          plate: '豫A7C321',
          plateColour: 'yellow',
          platform: '河南省综合交通运输管理服务平台',
          durationMinutes: 290,
        },
      },
    };
  },
  (data) => data.record.subject.id,
);
