import { compileScheme } from './compile-scheme';
import { evaluateSubject, listsOn, RecordFact, SubjectFacts, tenureStart } from './evaluate';
import { ZHENGZHOU_TAXI_DRIVER_STARS } from './shipped-schemes';

/** List memberships and tenure as subject facts: dated list entries and the earliest licence. */
describe('subject facts: lists and tenure', () => {
  const compiled = compileScheme(ZHENGZHOU_TAXI_DRIVER_STARS);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const AT = new Date('2026-11-21T12:00:00+08:00');
  const driver: SubjectFacts = { id: '410102199001011234', kind: 'person', region: '410105', lists: [] };
  const rec = (id: string, type: string, decisionDate: string, payload: Record<string, unknown> = {}): RecordFact => ({
    id,
    type,
    severity: 'minor',
    decisionDate,
    payload,
    receivedAt: `${decisionDate}T12:00:00+08:00`,
  });
  const national = (id: string) => rec(id, 'commendation', '2026-03-01', { level: 'national' });
  const grade = (subject: SubjectFacts, records: RecordFact[]) => evaluateSubject(compiled.scheme, { subject, records, at: AT });

  it('puts a subject on a list only on the days its entry is in force', () => {
    const subject = {
      ...driver,
      listEntries: [
        { listType: 'bad-driver', from: '2026-06-01', until: '2026-11-30' },
        { listType: 'key-watch', from: '2026-12-01', until: null },
      ],
    };
    expect(listsOn(subject, '2026-05-31')).toEqual([]);
    expect(listsOn(subject, '2026-06-01')).toEqual(['bad-driver']);
    expect(listsOn(subject, '2026-11-30')).toEqual(['bad-driver']);
    expect(listsOn(subject, '2027-01-01')).toEqual(['key-watch']);
    expect(listsOn({ ...subject, lists: ['red'] }, '2027-01-01')).toEqual(['key-watch', 'red']);
  });

  it('a bad-driver entry in force on the day evaluated means no star; one that ended does not', () => {
    const records = [national('a')];
    expect(grade(driver, records).grade).toBe('5');
    const onList = grade({ ...driver, listEntries: [{ listType: 'bad-driver', from: '2026-11-01', until: null }] }, records);
    expect(onList.grade).toBe('0');
    expect(onList.explanation.adjustments).toEqual([expect.objectContaining({ id: 'bad-driver-list', from: '5', to: '0' })]);
    expect(grade({ ...driver, listEntries: [{ listType: 'bad-driver', from: '2026-01-01', until: '2026-10-31' }] }, records).grade).toBe('5');
  });

  it('tenure counts from the earliest administrative licence’s validFrom (else its decision date)', () => {
    const licence = (id: string, decisionDate: string, validFrom?: string) => rec(id, 'administrative-licence', decisionDate, validFrom ? { validFrom } : {});
    expect(tenureStart(driver, [licence('l1', '2026-09-01', '2026-09-10'), licence('l2', '2026-10-01')])).toBe('2026-09-10');
    expect(tenureStart(driver, [licence('l1', '2026-09-01'), licence('l2', '2020-01-01', '2020-02-01')])).toBe('2020-02-01');
    expect(tenureStart({ ...driver, registeredOn: '2019-01-01' }, [licence('l1', '2026-09-01')])).toBe('2019-01-01');
    expect(tenureStart(driver, [national('a')])).toBeNull();

    // Licensed in September 2026: under 6 months on 2026-11-21 → at most 3 stars.
    const recent = grade(driver, [national('a'), licence('l1', '2026-09-01', '2026-09-10')]);
    expect(recent).toMatchObject({ grade: '3', score: 25 });
    expect(recent.explanation.adjustments).toEqual([expect.objectContaining({ id: 'tenure-cap', from: '5', to: '3' })]);
    // Licensed since 2020 (the renewal of 2026 does not restart tenure): 5 stars.
    expect(grade(driver, [national('a'), licence('l0', '2020-01-01', '2020-01-15'), licence('l1', '2026-09-01', '2026-09-10')]).grade).toBe('5');
  });

  it('tenure counts from the registry’s date when the registry has one; the earliest licence is only the fallback (ADR 0044)', () => {
    const licence = rec('l0', 'administrative-licence', '2020-01-01', { validFrom: '2020-01-15' });
    const registration = { region: '410105', sectors: ['taxi'], credit: { registered: false, committed: false, selfAssessed: false }, active: true };
    // Qualified 3 months before 2026-11-21 (seed 002 郑州: 注册在岗时间少于6个月 → at most 3 stars), though a 2020 licence is on file.
    const recent = grade({ ...driver, registration: { ...registration, registeredOn: '2026-08-21' } }, [national('a'), licence]);
    expect(recent).toMatchObject({ grade: '3', score: 25 });
    expect(tenureStart({ ...driver, registration: { ...registration, registeredOn: '2026-08-21' } }, [licence])).toBe('2026-08-21');
    // In the registry without a date: the licence still dates tenure.
    expect(tenureStart({ ...driver, registration: { ...registration, registeredOn: null } }, [licence])).toBe('2020-01-15');
  });

  it('a licence received after the instant evaluated, or withdrawn before it, does not start tenure', () => {
    const late = { ...rec('l1', 'administrative-licence', '2026-09-01', { validFrom: '2026-09-01' }), receivedAt: '2026-11-22T09:00:00+08:00' };
    expect(grade(driver, [national('a'), late]).grade).toBe('5');
    const revoked = { ...rec('l1', 'administrative-licence', '2026-09-01', { validFrom: '2026-09-01' }), withdrawnAt: '2026-10-01T09:00:00+08:00' };
    expect(grade(driver, [national('a'), revoked]).grade).toBe('5');
  });
});
