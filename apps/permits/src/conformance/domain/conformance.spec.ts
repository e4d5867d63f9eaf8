import { conformBatch } from './batch';
import { CorridorIndex, plateKey, type ActivePermitRoute } from './corridor-index';
import { DEFAULT_EPISODE_RULES } from './episodes';
import { checkPosition, type PositionReport } from './position';
import { parsePositionBatch } from './position-batch';
import { violationOf } from './violation';

// A permitted route due north along 113°E from 34°N to 35°N (Zhengzhou area), one segment in Henan.
const PERMIT: ActivePermitRoute = {
  permitNo: '豫超限2026-000123',
  plate: '豫A12345',
  plateColour: 'yellow',
  route: {
    segments: [
      {
        province: '410000',
        line: {
          type: 'LineString',
          coordinates: [
            [113.0, 34.0],
            [113.0, 35.0],
          ],
        },
      },
    ],
  },
  validFrom: Date.parse('2026-12-06T06:00:00+08:00'),
  validUntil: Date.parse('2026-12-06T18:00:00+08:00'),
  carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
  issuedByRegion: '410000',
};
const NOW = Date.parse('2026-12-06T20:00:00+08:00');

function report(longitude: number, latitude: number, recordedAt: string, extra: Partial<PositionReport> = {}): PositionReport {
  return { plate: '豫A12345', plateColour: 'yellow', longitude, latitude, speedKmh: 60, recordedAt, ...extra };
}

describe('corridor index (flatbush + cheap-ruler)', () => {
  // Hand-computed on the WGS-84 ellipsoid: one degree of longitude at 34.5°N is
  // 111 319.49 m × cos 34.5° / √(1 − e² sin² 34.5°) ≈ 91 840 m, so 0.01° east of the route is ≈ 918 m;
  // one degree of latitude at 35°N is ≈ 110 940 m, so 0.01° north of the route's end is ≈ 1 109 m.
  it('puts a point 918 m east of the route inside a 1 000 m corridor and outside a 900 m one', () => {
    expect(new CorridorIndex([PERMIT], 1000).insideCorridor(PERMIT, 113.01, 34.5)).toBe(true);
    expect(new CorridorIndex([PERMIT], 900).insideCorridor(PERMIT, 113.01, 34.5)).toBe(false);
  });

  it('measures past the route end to the end point (1 109 m), not to the infinite line', () => {
    expect(new CorridorIndex([PERMIT], 1000).insideCorridor(PERMIT, 113.0, 35.01)).toBe(false);
    expect(new CorridorIndex([PERMIT], 1200).insideCorridor(PERMIT, 113.0, 35.01)).toBe(true);
  });

  it("keeps one permit's corridor from answering for another vehicle's permit", () => {
    const other: ActivePermitRoute = { ...PERMIT, permitNo: 'other', plate: '豫B00001' };
    const index = new CorridorIndex([PERMIT, other], 1000);
    expect(index.permitsOf('豫B00001', 'yellow')).toEqual([other]);
    expect(index.permitsOf('豫A12345', 'blue')).toEqual([]);
  });
});

describe('position validation (JT/T 808 semantics)', () => {
  it('trusts a Beijing-time report inside China at a truck speed', () => {
    const check = checkPosition(report(113.0, 34.5, '2026-12-06T08:00:00+08:00'), NOW);
    expect(check).toEqual({ trusted: true, position: expect.objectContaining({ at: Date.parse('2026-12-06T00:00:00Z'), source: 'gnss' }) });
  });

  it.each([
    ['an impossible speed (400 km/h)', report(113.0, 34.5, '2026-12-06T08:00:00+08:00', { speedKmh: 400 }), ['impossible-speed']],
    ['a negative speed', report(113.0, 34.5, '2026-12-06T08:00:00+08:00', { speedKmh: -1 }), ['impossible-speed']],
    ['a time a day ahead', report(113.0, 34.5, '2026-12-07T20:00:00+08:00'), ['future-time']],
    ['a time without offset', report(113.0, 34.5, '2026-12-06T08:00:00'), ['invalid-time']],
    ['Paris', report(2.35, 48.85, '2026-12-06T08:00:00+08:00'), ['outside-china']],
    ['latitude and longitude swapped', report(34.5, 113.0, '2026-12-06T08:00:00+08:00'), ['outside-china']],
  ])('flags %s', (_name, input, flags) => {
    expect(checkPosition(input, NOW)).toEqual({ trusted: false, flags });
  });
});

describe('episodes', () => {
  const index = new CorridorIndex([PERMIT], 500);
  const at = (hhmm: string): string => `2026-12-06T${hhmm}:00+08:00`;

  it('makes one off-route episode of consecutive off-route points, reported once', () => {
    const outcome = conformBatch(
      index,
      [report(113.0, 34.1, at('08:00')), report(113.05, 34.2, at('08:05')), report(113.06, 34.3, at('08:10')), report(113.07, 34.4, at('08:15'))],
      new Map(),
      NOW,
    );
    expect(outcome.opened).toHaveLength(1);
    expect(outcome.opened[0]).toMatchObject({ kind: 'off-route', permitNo: PERMIT.permitNo, startedAt: Date.parse(at('08:05')) });
    expect(outcome.state.get(plateKey('豫A12345', 'yellow'))).toMatchObject({ episodeId: outcome.opened[0].episodeId });
  });

  it('ends an episode after the vehicle is back in the corridor for closeAfter, and a new departure is a new episode', () => {
    const back = DEFAULT_EPISODE_RULES.closeAfterMs / 60_000; // 10 min
    expect(back).toBe(10);
    const outcome = conformBatch(
      index,
      [
        report(113.05, 34.2, at('08:00')),
        report(113.0, 34.3, at('08:05')),
        report(113.0, 34.4, at('08:15')), // back in for 10 min → closed
        report(113.05, 34.5, at('08:20')),
      ],
      new Map(),
      NOW,
    );
    expect(outcome.opened.map((e) => e.startedAt)).toEqual([Date.parse(at('08:00')), Date.parse(at('08:20'))]);
    expect(outcome.closed).toHaveLength(1);
  });

  it('does not end an episode on a short return to the corridor', () => {
    const outcome = conformBatch(
      index,
      [report(113.05, 34.2, at('08:00')), report(113.0, 34.3, at('08:05')), report(113.05, 34.4, at('08:08'))],
      new Map(),
      NOW,
    );
    expect(outcome.opened).toHaveLength(1);
  });

  it('ends an episode at a gap longer than gapMs (30 min)', () => {
    const outcome = conformBatch(index, [report(113.05, 34.2, at('08:00')), report(113.05, 34.4, at('08:31'))], new Map(), NOW);
    expect(outcome.opened).toHaveLength(2);
    expect(outcome.closed).toHaveLength(1);
  });

  it('continues the persisted episode across batches and ignores a re-delivered batch', () => {
    const batch = [report(113.05, 34.2, at('08:00')), report(113.05, 34.3, at('08:05'))];
    const first = conformBatch(index, batch, new Map(), NOW);
    const state = new Map([[plateKey('豫A12345', 'yellow'), first.state.get(plateKey('豫A12345', 'yellow'))!]]);
    expect(conformBatch(index, batch, state, NOW).opened).toEqual([]);
    expect(conformBatch(index, [report(113.05, 34.4, at('08:10'))], state, NOW).opened).toEqual([]);
  });

  it('gives the same episodeId when the same episode is detected again from lost state', () => {
    const batch = [report(113.05, 34.2, at('08:00'))];
    expect(conformBatch(index, batch, new Map(), NOW).opened[0].episodeId).toBe(conformBatch(index, batch, new Map(), NOW).opened[0].episodeId);
  });

  it('reports travel on the route outside the window as wrong-time', () => {
    const outcome = conformBatch(index, [report(113.0, 34.2, at('19:00'))], new Map(), NOW);
    expect(outcome.opened).toEqual([expect.objectContaining({ kind: 'wrong-time', permitNo: PERMIT.permitNo })]);
  });

  it('does not judge a permit holder off its route outside its window (it may run unloaded)', () => {
    expect(conformBatch(index, [report(114.0, 34.2, at('19:00'))], new Map(), NOW).opened).toEqual([]);
  });

  it('reports an oversize gantry passage of a plate with no permit as no-permit, about the vehicle', () => {
    const gantry = { plate: '豫C99999', source: 'gantry' as const, oversize: true };
    const outcome = conformBatch(index, [report(113.5, 34.7, at('08:00'), gantry), report(113.6, 34.7, at('08:20'), gantry)], new Map(), NOW);
    expect(outcome.opened).toHaveLength(1);
    const event = violationOf(outcome.opened[0], { region: '410100', foundBy: { name: '郑州市交通运输综合行政执法支队', uscc: '11410100MB0000000X' } });
    expect(event).toMatchObject({ violationType: 'no-permit', detectedBy: 'etc-gantry', subject: { kind: 'vehicle', id: '豫C99999' }, plate: '豫C99999' });
    expect(event.permitNumber).toBeUndefined();
  });

  it('reports flagged points back by index and never lets them open an episode', () => {
    const outcome = conformBatch(index, [report(113.0, 34.2, at('08:00')), report(2.35, 48.85, at('08:01'))], new Map(), NOW);
    expect(outcome.flagged).toEqual([{ index: 1, flags: ['outside-china'] }]);
    expect(outcome.accepted).toBe(1);
    expect(outcome.opened).toEqual([]);
  });

  it('makes the off-route event about the carrier, with the permit number, found by trajectory comparison', () => {
    const outcome = conformBatch(index, [report(113.05, 34.2, at('08:00'))], new Map(), NOW);
    expect(violationOf(outcome.opened[0], { region: '410000', foundBy: { name: 'x', uscc: 'y' } })).toMatchObject({
      subject: { kind: 'org', id: PERMIT.carrier.uscc },
      violationType: 'off-route',
      permitNumber: PERMIT.permitNo,
      detectedBy: 'trajectory-comparison',
      detectedAt: '2026-12-06T00:00:00.000Z',
    });
  });
});

describe('position batch shape', () => {
  const foundBy = { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' };

  it('names every malformed field with its index', () => {
    const parsed = parsePositionBatch({ foundBy, reports: [report(113, 34, 'x'), { ...report(113, 34, 'x'), latitude: '34', source: 'radar' }] }, 10);
    expect(parsed).toEqual({
      ok: false,
      code: 'POSITIONS_INVALID',
      violations: [
        { field: 'reports[1].latitude', message: 'must be a number', code: 'INVALID_NUMBER' },
        { field: 'reports[1].source', message: 'gnss or gantry', code: 'INVALID_SOURCE' },
      ],
    });
  });

  it('refuses more positions than a batch may hold, and a batch without its monitoring unit', () => {
    expect(parsePositionBatch({ foundBy, reports: [report(113, 34, 'x'), report(113, 34, 'x')] }, 1)).toMatchObject({ ok: false, code: 'POSITIONS_TOO_MANY' });
    expect(parsePositionBatch({ reports: [report(113, 34, 'x')] }, 10)).toMatchObject({
      ok: false,
      violations: [expect.objectContaining({ field: 'foundBy.name' }), expect.objectContaining({ field: 'foundBy.uscc' })],
    });
  });
});
