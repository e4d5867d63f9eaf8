import type { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import type { EventConsumers } from '@platform/service';
import type { DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { RegistrySubjectEventsConsumer } from './registry-subject-events.consumer';

/* The registry's enterprises and drivers → the sectors decisions use (ADR 0055); the database is mocked. */
const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({
  id: `ev-${Math.random()}`,
  type,
  version: 1,
  occurredAt: '2026-12-01T08:00:00Z',
  subjectId: 'x',
  region: '410400',
  data,
});

const enterprise = (overrides: Partial<RegistryEnterpriseChangedV1> = {}) =>
  envelope(Events.RegistryEnterpriseChanged.subject, {
    uscc: ' 91410400ma3x08010x ',
    name: '平顶山鹰城客运有限公司',
    region: '410400',
    sectors: ['road-passenger', 'hazardous-goods', 'road-passenger'],
    licences: [],
    registeredOn: null,
    credit: { registered: true, committed: false, selfAssessed: false },
    active: true,
    revision: 3,
    source: 'api',
    changedAt: '2026-12-01T08:00:00Z',
    ...overrides,
  } as RegistryEnterpriseChangedV1);

function setup() {
  const query = jest.fn().mockResolvedValue([]);
  const held: string[] = [];
  const cache = { hold: (id: string) => held.push(id) } as unknown as DecisionFactsCache;
  const consumer = new RegistrySubjectEventsConsumer({} as EventConsumers, cache);
  return { consumer, manager: { query } as unknown as EntityManager, query, held };
}

describe('RegistrySubjectEventsConsumer', () => {
  it('stores an enterprise under its normalised USCC with its sectors deduplicated and sorted, and holds it out of the cache', async () => {
    const { consumer, manager, query, held } = setup();
    await consumer.enterprisesChanged([enterprise()], manager);
    const params = query.mock.calls[0][1] as unknown[][];
    expect(params[0]).toEqual(['91410400MA3X08010X']);
    expect(params[1]).toEqual(['org']);
    expect(params[2]).toEqual([JSON.stringify(['hazardous-goods', 'road-passenger'])]);
    expect(params[4]).toEqual([3]);
    expect(held).toEqual(['91410400MA3X08010X']);
  });

  it('keeps only the highest revision of a subject within one batch', async () => {
    const { consumer, manager, query } = setup();
    await consumer.enterprisesChanged([enterprise({ revision: 5, sectors: ['taxi'] }), enterprise({ revision: 4, sectors: ['bus'] })], manager);
    const params = query.mock.calls[0][1] as unknown[][];
    expect(params[2]).toEqual([JSON.stringify(['taxi'])]);
  });

  it("stores a driver's qualification sectors as a person", async () => {
    const { consumer, manager, query } = setup();
    const driver = envelope(Events.RegistryDriverChanged.subject, {
      citizenId: '41110219850101301x',
      name: '王车长',
      qualificationCertificate: null,
      qualificationSectors: ['bus'],
      employerUscc: null,
      previousEmployerUscc: null,
      region: '411100',
      qualifiedOn: '2015-01-01',
      active: true,
      revision: 1,
      source: 'api',
      changedAt: '2026-12-01T08:00:00Z',
    } as RegistryDriverChangedV1);
    await consumer.driversChanged([driver], manager);
    const params = query.mock.calls[0][1] as unknown[][];
    expect([params[0], params[1], params[2]]).toEqual([['41110219850101301X'], ['person'], [JSON.stringify(['bus'])]]);
  });

  it('dead-letters a registration without its revision or subject id, storing nothing', async () => {
    const { consumer, manager, query } = setup();
    await expect(consumer.enterprisesChanged([enterprise({ revision: undefined as unknown as number })], manager)).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(consumer.enterprisesChanged([enterprise({ uscc: ' ' })], manager)).rejects.toBeInstanceOf(PoisonMessageError);
    expect(query).not.toHaveBeenCalled();
  });
});
