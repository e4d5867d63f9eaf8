import { compileScheme, SchemeProblem } from './compile-scheme';
import type { SchemeDocument } from './scheme-document';
import { SHIPPED_SCHEMES, ZHENGZHOU_TAXI_DRIVER_STARS } from './shipped-schemes';

/** A copy of a shipped scheme with one change, as a regulator would upload it. */
function variant(change: (document: SchemeDocument) => void): unknown {
  const document = structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS);
  change(document);
  return document;
}

function problems(input: unknown): SchemeProblem[] {
  const result = compileScheme(input);
  if (result.ok) throw new Error('expected the scheme to be refused');
  return result.problems;
}

const rules = (d: SchemeDocument) => (d.scoring.kind === 'points' ? d.scoring.rules : []);

describe('compileScheme', () => {
  it.each(SHIPPED_SCHEMES.map((s) => [s.id, s] as const))('accepts the shipped scheme %s', (_id, scheme) => {
    const result = compileScheme(structuredClone(scheme));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('refuses a syntax error, naming the rule and the column', () => {
    const found = problems(variant((d) => (rules(d)[0]!.when = "record.severity == 'minor' &&")));
    expect(found).toEqual([{ field: 'scoring.rules[0].when', code: 'EXPRESSION_SYNTAX', message: expect.stringMatching(/^column \d+: /) }]);
  });

  it('refuses a type error: a string compared with a number', () => {
    const found = problems(variant((d) => (rules(d)[0]!.when = 'record.severity > 3')));
    expect(found).toEqual([{ field: 'scoring.rules[0].when', code: 'EXPRESSION_TYPE', message: 'column 1: no such overload: string > int' }]);
  });

  it('refuses a condition that is not a bool and points that are not a number', () => {
    const found = problems(
      variant((d) => {
        rules(d)[0]!.when = 'record.severity';
        rules(d)[1]!.points = "'ten'";
      }),
    );
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['scoring.rules[0].when', 'EXPRESSION_TYPE'],
      ['scoring.rules[1].points', 'EXPRESSION_TYPE'],
    ]);
  });

  it('refuses an unknown field inside an expression, with its column', () => {
    const found = problems(variant((d) => (d.adjustments![1]!.when = 'subject.tenure < 6.0')));
    expect(found).toEqual([{ field: 'adjustments[1].when', code: 'UNKNOWN_FIELD', message: 'column 9: No such key: tenure' }]);
  });

  it('refuses a sector that is not a @domain/credit sector, naming it; accepts known ones', () => {
    const found = problems(variant((d) => (d.sectors = ['taxi', 'cruise-ships'])));
    expect(found).toEqual([
      { field: 'sectors[1]', code: 'UNKNOWN_SECTOR', message: expect.stringMatching(/^"cruise-ships" is not a sector \(road-passenger, /) },
    ]);
    expect(problems(variant((d) => (d.sectors = ['taxi', 'taxi'])))).toEqual([expect.objectContaining({ field: 'sectors', code: 'SCHEMA_UNIQUEITEMS' })]);
    expect(compileScheme(variant((d) => (d.sectors = ['taxi', 'bus']))).ok).toBe(true);
  });

  it('offers the registry facts to expressions (subject.inRegistry, sectors, registered, committed, selfAssessed, active)', () => {
    const result = compileScheme(
      variant(
        (d) =>
          (d.adjustments![1]!.when = "!subject.inRegistry || !(subject.registered && subject.committed && subject.selfAssessed) || 'taxi' in subject.sectors"),
      ),
    );
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('refuses a variable that the position does not offer (no `record` in a ladder condition)', () => {
    const found = problems(variant((d) => d.ladder.rungs.push({ grade: '5', min: 28, when: "record.type == 'accident'" })));
    expect(found).toEqual([{ field: 'ladder.rungs[6].when', code: 'UNKNOWN_FIELD', message: 'column 1: Unknown variable: record' }]);
  });

  it('refuses an unknown document field with its path', () => {
    const found = problems(variant((d) => Object.assign(rules(d)[0]!, { pionts: 3 })));
    expect(found).toEqual([{ field: 'scoring.rules[0].pionts', code: 'UNKNOWN_FIELD', message: 'is not a field of a scheme document here' }]);
  });

  it('refuses an unknown record type, in the rule list and inside an expression', () => {
    const found = problems(
      variant((d) => {
        (rules(d)[0]!.recordTypes as string[]) = ['confirmed-complaint', 'parking-ticket'];
        d.adjustments![0]!.when = "records.exists(r, r.type == 'acident')";
      }),
    );
    expect(found).toEqual([
      { field: 'scoring.rules[0].recordTypes[1]', code: 'UNKNOWN_RECORD_TYPE', message: '"parking-ticket" is not a record type of the catalogue' },
      { field: 'adjustments[0].when', code: 'UNKNOWN_RECORD_TYPE', message: 'column 29: "acident" is not a record type of the catalogue' },
    ]);
  });

  it('refuses a ladder with a gap, naming the rung above it', () => {
    const found = problems(variant((d) => (d.ladder.rungs[2]!.min = 12)));
    expect(found).toEqual([{ field: 'ladder.rungs[2]', code: 'LADDER_GAP', message: 'scores from 11 to below 12 have no grade' }]);
  });

  it('refuses a ladder with an overlap', () => {
    const found = problems(variant((d) => (d.ladder.rungs[1]!.min = 19)));
    expect(found).toEqual([{ field: 'ladder.rungs[1]', code: 'LADDER_OVERLAP', message: 'band [19, 25) overlaps ladder.rungs[2] [11, 20)' }]);
  });

  it('refuses a ladder that leaves the top of the score range without a grade', () => {
    const found = problems(variant((d) => (d.ladder.rungs[0]!.max = 28)));
    expect(found).toEqual([{ field: 'ladder.rungs[0]', code: 'LADDER_GAP', message: 'scores from 28 to 30 have no grade' }]);
  });

  it('refuses a grade that is not on the ladder', () => {
    const found = problems(variant((d) => (d.adjustments![2]!.grade = 'none')));
    expect(found).toEqual([{ field: 'adjustments[2].grade', code: 'UNKNOWN_GRADE', message: '"none" is not a grade of ladder stars (5, 4, 3, 2, 1, 0)' }]);
  });

  it('refuses an expression that iterates the records once per record (unbounded growth)', () => {
    const found = problems(
      variant((d) => (d.adjustments![0]!.when = 'records.exists(r, records.exists(q, q.id != r.id && q.decisionDate == r.decisionDate))')),
    );
    expect(found).toEqual([
      { field: 'adjustments[0].when', code: 'UNBOUNDED_EXPRESSION', message: expect.stringContaining('exists() inside another list macro') },
    ]);
  });

  it('refuses regular expressions, which can backtrack without bound', () => {
    const found = problems(variant((d) => (rules(d)[0]!.when = "record.id.matches('^(a+)+$')")));
    expect(found).toEqual([{ field: 'scoring.rules[0].when', code: 'UNBOUNDED_EXPRESSION', message: expect.stringContaining('matches() is not allowed') }]);
  });

  it('refuses an expression too large to be cheap', () => {
    const huge = Array.from({ length: 95 }, () => 'record.ageDays>1.0').join('||');
    const found = problems(variant((d) => (rules(d)[0]!.when = huge)));
    expect(found).toEqual([{ field: 'scoring.rules[0].when', code: 'UNBOUNDED_EXPRESSION', message: 'column 1208: Exceeded maxAstNodes (300)' }]);
  });

  it('reports every problem at once', () => {
    const found = problems(
      variant((d) => {
        rules(d)[0]!.when = 'record.severity > 3';
        d.ladder.rungs[1]!.min = 21;
      }),
    );
    expect(found.map((p) => p.code)).toEqual(['EXPRESSION_TYPE', 'LADDER_GAP']);
  });
});

describe('compileScheme: a scheme’s own ladder (ADR 0050)', () => {
  // Zhengzhou's stars with the shared `stars` ladder written out as its own: same grades, own id.
  const STARS = ['5', '4', '3', '2', '1', '0'];
  const own = (change: (ladder: SchemeDocument['ladder']) => void = () => undefined) =>
    variant((d) => {
      d.ladder.id = 'zhengzhou-stars';
      d.ladder.grades = [...STARS];
      change(d.ladder);
    });
  const compiledLadder = (input: unknown) => {
    const result = compileScheme(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.scheme.ladder;
  };

  it('accepts a ladder of its own, with tiers, and keeps the shared form unchanged', () => {
    const tiers = [
      { name: '星级', grades: ['5', '4', '3', '2', '1'] },
      { name: '无星', grades: ['0'] },
    ];
    expect(compiledLadder(own((l) => (l.tiers = tiers)))).toEqual({ id: 'zhengzhou-stars', grades: STARS, tiers });
    expect(compiledLadder(structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS))).toEqual({ id: 'stars', grades: STARS });
  });

  it('accepts a shared id written out with exactly that ladder’s grades', () => {
    expect(compiledLadder(own((l) => (l.id = 'stars'))).grades).toEqual(STARS);
  });

  it('refuses a ladder of fewer than two grades', () => {
    expect(problems(own((l) => (l.grades = ['5'])))).toEqual([expect.objectContaining({ field: 'ladder.grades', code: 'SCHEMA_MINITEMS' })]);
  });

  it('refuses a grade listed twice, naming the second', () => {
    expect(problems(own((l) => (l.grades = ['5', '4', '3', '2', '1', '0', '3'])))).toEqual([
      { field: 'ladder.grades[6]', code: 'DUPLICATE_GRADE', message: '"3" is on the ladder twice' },
    ]);
  });

  it('refuses an own ladder that shadows a shared id with other grades', () => {
    expect(problems(own((l) => ((l.id = 'AA-D'), (l.grades = ['5', '4', '3', '2', '1', '0']))))).toEqual([
      expect.objectContaining({ field: 'ladder.id', code: 'LADDER_SHADOWS_SHARED' }),
    ]);
  });

  it('refuses an unknown id without grades, once', () => {
    expect(problems(variant((d) => (d.ladder.id = 'beijing-nine')))).toEqual([expect.objectContaining({ field: 'ladder.id', code: 'UNKNOWN_LADDER' })]);
  });

  it('refuses rungs and adjustments naming a grade off the own ladder', () => {
    const found = problems(
      own((l) => {
        l.grades = ['5', '4', '3', '2', '1', 'none'];
      }),
    );
    // Zhengzhou's rungs and adjustments name '0', which this ladder calls 'none'.
    expect(found.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^ladder\.rungs\[\d\]\.grade$/), 'UNKNOWN_GRADE'],
        [expect.stringMatching(/^adjustments\[\d\]\.grade$/), 'UNKNOWN_GRADE'],
      ]),
    );
    expect(found.every((p) => p.code === 'UNKNOWN_GRADE' && p.message.includes('zhengzhou-stars'))).toBe(true);
  });

  it('refuses tiers naming a grade off the ladder, a grade in two tiers or in none, and tiers out of ladder order', () => {
    const tiers = (t: { name: string; grades: string[] }[]) => problems(own((l) => (l.tiers = t)));
    expect(tiers([{ name: 'a', grades: ['5', '4', '3', '2', '1', '0', '6'] }])).toEqual([
      { field: 'ladder.tiers[0].grades[6]', code: 'UNKNOWN_GRADE', message: '"6" is not a grade of the ladder (5, 4, 3, 2, 1, 0)' },
    ]);
    expect(
      tiers([
        { name: 'a', grades: ['5', '4', '3'] },
        { name: 'b', grades: ['3', '2', '1', '0'] },
      ]),
    ).toEqual([{ field: 'ladder.tiers[1].grades[0]', code: 'DUPLICATE_GRADE', message: '"3" is in two tiers' }]);
    expect(tiers([{ name: 'a', grades: ['5', '4', '3'] }])).toEqual([
      { field: 'ladder.tiers', code: 'TIER_MISSING_GRADE', message: '2, 1, 0 in no tier: every grade is in one' },
    ]);
    expect(
      tiers([
        { name: 'a', grades: ['5', '3'] },
        { name: 'b', grades: ['4', '2', '1', '0'] },
      ]),
    ).toEqual([expect.objectContaining({ field: 'ladder.tiers', code: 'TIER_ORDER' })]);
  });
});
