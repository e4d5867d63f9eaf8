import { ROAD_TRANSPORT_SECTORS } from '@domain/credit';
import { compileScheme, CompiledScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { HANGZHOU_ROAD_TRANSPORT, SHIPPED_SCHEMES } from './shipped-schemes';

/*
 * Hangzhou road transport operators (seed 004 杭州: AA 优秀, A 良好, B 中等, C 较差, D 差; DOMAIN.md §3).
 * The seed gives the grades, not the bands: expected scores and grades are computed by hand from
 * the placeholder of this version (base 100; penalties −5/−10/−20, service −2/−5/−10; AA ≥ 90,
 * A 80–<90, B 70–<80, C 60–<70, D < 60). Evaluation instant 2026-11-21 noon China time: cycle 2026.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');

function compiled(): CompiledScheme {
  const result = compileScheme(structuredClone(HANGZHOU_ROAD_TRANSPORT));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

let sequence = 0;
function record(type: string, severity: string, payload: Record<string, unknown> = {}, decisionDate = '2026-11-02'): RecordFact {
  sequence += 1;
  return { id: `h${sequence}`, type, severity, decisionDate, payload, receivedAt: `${decisionDate}T09:00:00+08:00` };
}

describe('Hangzhou road transport grades (seed 004 杭州)', () => {
  const scheme = compiled();
  const grade = (records: RecordFact[]) => {
    const result = evaluateSubject(scheme, {
      subject: { id: 'O1', kind: 'org', region: '330100', lists: [], registeredOn: '2015-01-01' },
      records,
      at: AT,
    });
    return { score: result.score, grade: result.grade };
  };
  const penalty = (severity: string, date?: string) => record('administrative-penalty', severity, {}, date);

  it('is shipped for Hangzhou road transport operators on the AA-D ladder the draw plan reads', () => {
    expect(SHIPPED_SCHEMES).toContain(HANGZHOU_ROAD_TRANSPORT);
    expect(HANGZHOU_ROAD_TRANSPORT).toMatchObject({ regions: ['330100'], subjectKinds: ['org'], cycle: { kind: 'year' } });
    expect(HANGZHOU_ROAD_TRANSPORT.sectors).toEqual([...ROAD_TRANSPORT_SECTORS]);
    expect(HANGZHOU_ROAD_TRANSPORT.ladder.id).toBe('AA-D');
    expect(HANGZHOU_ROAD_TRANSPORT.notes?.join(' ')).toMatch(/[Pp]laceholder/);
  });

  it('a clean operator keeps 100: AA; one general penalty (−10) leaves 90: still AA', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'AA' });
    expect(grade([penalty('general')])).toEqual({ score: 90, grade: 'AA' });
  });

  it('one severe penalty: 100 − 20 = 80 → A; severe and general: 70 → B', () => {
    expect(grade([penalty('severe')])).toEqual({ score: 80, grade: 'A' });
    expect(grade([penalty('severe'), penalty('general')])).toEqual({ score: 70, grade: 'B' });
  });

  it('two severe penalties: 60 → C; two severe and a minor: 55 → D', () => {
    expect(grade([penalty('severe'), penalty('severe')])).toEqual({ score: 60, grade: 'C' });
    expect(grade([penalty('severe'), penalty('severe'), penalty('minor')])).toEqual({ score: 55, grade: 'D' });
  });

  it('service-quality records weigh less: a severe complaint and a general monitoring violation, 100 − 10 − 5 = 85 → A', () => {
    expect(grade([record('confirmed-complaint', 'severe'), record('monitoring-violation', 'general')])).toEqual({ score: 85, grade: 'A' });
  });

  it('a severe responsible accident (−40): 60 → C; an accident without responsibility costs nothing', () => {
    expect(grade([record('accident', 'severe', { responsibility: 'main' })])).toEqual({ score: 60, grade: 'C' });
    expect(grade([record('accident', 'severe', { responsibility: 'none' })])).toEqual({ score: 100, grade: 'AA' });
  });

  it('last year’s penalties do not count in this year’s cycle', () => {
    expect(grade([penalty('severe', '2025-12-20'), penalty('severe', '2025-12-21')])).toEqual({ score: 100, grade: 'AA' });
  });
});
