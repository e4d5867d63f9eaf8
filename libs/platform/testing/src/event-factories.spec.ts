import { EventDefinition, Events } from '@contracts';
import { defineEventFactory, listEntryEffectiveEvent, repairRecordRepairedEvent } from './event-factories';

describe('event factories', () => {
  it('build a whole envelope of the definition, keyed by the payload subject', () => {
    const event = repairRecordRepairedEvent.envelope();
    expect(event).toMatchObject({
      type: Events.RepairRecordRepaired.subject,
      version: Events.RepairRecordRepaired.version,
      region: '410100',
      subjectId: event.data.subject.id,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.occurredAt)).not.toBeNaN();
    expect(repairRecordRepairedEvent.envelope().id).not.toBe(event.id);
  });

  it('deep-merge overrides, and the envelope follows an overridden payload subject unless it is set', () => {
    const moved = listEntryEffectiveEvent.envelope({ data: { listType: 'bad-driver', subject: { kind: 'person', id: 'p1' } } });
    expect(moved.subjectId).toBe('p1');
    expect(moved.data).toMatchObject({ listType: 'bad-driver', subject: { kind: 'person', id: 'p1' }, status: 'effective' });
    expect(moved.data.subject.name).toEqual(expect.any(String));
    expect(listEntryEffectiveEvent.envelope({ subjectId: 'other', data: { subject: { id: 'p1' } } }).subjectId).toBe('other');
  });

  it('build outbox events (no id, type or version: the outbox assigns them)', () => {
    const WidgetMade: EventDefinition<{ widget: string }> = { stream: 'CREDIT_RECORDS', subject: 'credit.records.created', version: 1 };
    const widgetMade = defineEventFactory(
      WidgetMade,
      (n) => ({ widget: `w${n}` }),
      (data) => data.widget,
    );
    expect(widgetMade.newEvent({ data: { widget: 'a' } })).toEqual({ subjectId: 'a', region: '410100', data: { widget: 'a' } });
    const at = new Date('2026-01-01T00:00:00Z');
    expect(widgetMade.newEvent({ region: '410300', occurredAt: at })).toMatchObject({ region: '410300', occurredAt: at });
  });
});
