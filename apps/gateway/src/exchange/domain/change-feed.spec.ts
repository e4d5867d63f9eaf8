import {
  assertNotAhead,
  cursorOf,
  feedPage,
  readCursor,
  shareableChange,
  shareableGradeChange,
  shareableRecordChange,
  type FeedChange,
  type FeedListEntry,
  type GradeChangeSource,
  type RecordChangeSource,
  type SourceRead,
} from './change-feed';

const hubeiCarrier = { kind: 'org', id: '914201001234567890', name: '武汉某运输公司' };
const entry = (changes: Partial<FeedListEntry> = {}): FeedListEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  listType: 'key-watch',
  subject: hubeiCarrier,
  region: '410100',
  status: 'effective',
  origin: 'manual',
  version: 2,
  startsOn: '2026-11-01',
  endsOn: '2027-10-31',
  grounds: 'g',
  decision: { outcome: 'confirmed', decidedOn: '2026-11-01', documentNumber: 'd' },
  ...changes,
});

describe('the exchange change feed (issue 20 item 2, ADR 0068, ADR 0085)', () => {
  it('reads back the cursors it hands out (c3.<list>.<records>.<grades>), and starts every source from the beginning without one', () => {
    expect(cursorOf({ list: '42', records: '7', grades: '3' })).toBe('c3.42.7.3');
    expect(readCursor(cursorOf({ list: '42', records: '7', grades: '3' })).positions).toEqual({ list: '42', records: '7', grades: '3' });
    expect(readCursor(undefined)).toEqual({ positions: { list: '0', records: '0', grades: '0' }, since: 'c3.0.0.0' });
  });

  it('keeps accepting a c1 cursor (ADR 0079): its list position, records and grades from their start, echoed as asked', () => {
    expect(readCursor('c1.42')).toEqual({ positions: { list: '42', records: '0', grades: '0' }, since: 'c1.42' });
  });

  it('keeps accepting a c2 cursor (ADR 0085): its list and record positions, grades from their start, echoed as asked', () => {
    expect(readCursor('c2.42.007')).toEqual({ positions: { list: '42', records: '7', grades: '0' }, since: 'c2.42.7' });
  });

  it('refuses a garbage cursor (400 EXCHANGE.CURSOR_INVALID, field since)', () => {
    for (const garbage of [
      'abc',
      'c1.',
      'c1.-1',
      'c2.5',
      'c2.5.',
      'c2.1.2.3',
      'c3.1.1',
      'c3.1.1.',
      'c3.1.1.1.1',
      'c4.1.1.1',
      'c1.1e3',
      `c1.${'9'.repeat(19)}`,
      `c2.1.${'9'.repeat(19)}`,
      `c3.1.1.${'9'.repeat(19)}`,
    ])
      expect(() => readCursor(garbage)).toThrow(
        expect.objectContaining({ code: 'EXCHANGE.CURSOR_INVALID', kind: 'validation', violations: [expect.objectContaining({ field: 'since' })] }),
      );
  });

  it('refuses a cursor from the future in any source (400 EXCHANGE.CURSOR_AHEAD), not one at the head', () => {
    const head = { list: '10', records: '20', grades: '30' };
    expect(() => assertNotAhead({ ...head, list: '11' }, head)).toThrow(expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }));
    expect(() => assertNotAhead({ ...head, records: '21' }, head)).toThrow(expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }));
    expect(() => assertNotAhead({ ...head, grades: '31' }, head)).toThrow(expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }));
    expect(() => assertNotAhead(head, head)).not.toThrow();
  });

  it('shares our decided entries about the partner’s subjects, with a stable id per version, and their withdrawal', () => {
    expect(shareableChange('420000', '7', entry())).toMatchObject({ id: 'list-entry:00000000-0000-4000-8000-000000000001:v2', type: 'list-entry.in-force' });
    const withdrawn = shareableChange('420000', '9', entry({ status: 'removed', version: 3, removal: { reason: 'repair', removedOn: '2026-12-01' } }));
    expect(withdrawn).toMatchObject({ id: 'list-entry:00000000-0000-4000-8000-000000000001:v3', type: 'list-entry.withdrawn' });
  });

  it('shares nothing else: other regions’ subjects, what partners sent us, proposals, dropped or not-applied entries', () => {
    expect(shareableChange('420000', '1', entry({ subject: { ...hubeiCarrier, id: '914101001234567890' } }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ origin: 'partner-import' }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'proposed', decision: undefined }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'removed', decision: undefined }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'not-applied' }))).toBeNull();
  });

  describe('published records (ADR 0079)', () => {
    const hubeiRecordId = '00000000-0000-4000-8000-0000000000aa';
    const recordChange = (changes: Partial<RecordChangeSource> = {}): RecordChangeSource => ({
      position: '5',
      event: 'published',
      publicationVersion: 1,
      recordId: hubeiRecordId,
      recordType: 'administrative-penalty',
      subjectId: hubeiCarrier.id,
      subjectName: hubeiCarrier.name,
      region: '410100',
      severity: 'general',
      decisionDate: '2026-11-02',
      documentNumber: '豫交罚〔2026〕7号',
      summary: 's',
      publishedUntil: '2027-11-01T16:00:00.000Z',
      recordVersion: 1,
      reason: '',
      effectiveAt: '2026-11-03T00:00:00.000Z',
      ...changes,
    });

    it('shares a published or corrected record about the partner’s enterprise as in force, id stable per publication version', () => {
      expect(shareableRecordChange('420000', recordChange())).toMatchObject({
        id: `record:${hubeiRecordId}:v1`,
        position: '5',
        type: 'record.in-force',
        record: { id: hubeiRecordId, subject: { kind: 'org', id: hubeiCarrier.id }, version: 1 },
      });
      expect(shareableRecordChange('420000', recordChange({ event: 'corrected', publicationVersion: 2 }))).toMatchObject({
        id: `record:${hubeiRecordId}:v2`,
        type: 'record.in-force',
      });
      expect(shareableRecordChange('420000', recordChange())).not.toHaveProperty('record.removal');
    });

    it('shares its withdrawal (revocation, repair) and its expiry as withdrawn, with the reason', () => {
      for (const [event, reason] of [
        ['withdrawn', 'revoked: 文书错误'],
        ['withdrawn', 'repair'],
        ['expired', 'maximum publicity period'],
      ])
        expect(shareableRecordChange('420000', recordChange({ event, reason, publicationVersion: 2 }))).toMatchObject({
          id: `record:${hubeiRecordId}:v2`,
          type: 'record.withdrawn',
          record: { removal: { reason } },
        });
    });

    it('shares nothing about enterprises registered elsewhere, nor an entry it does not know', () => {
      expect(shareableRecordChange('420000', recordChange({ subjectId: '914101001234567890' }))).toBeNull();
      expect(shareableRecordChange('420100', recordChange({ subjectId: '914202001234567890' }))).toBeNull();
      expect(shareableRecordChange('420000', recordChange({ event: 'report-issued' }))).toBeNull();
    });
  });

  describe('public grades (ADR 0085)', () => {
    const gradeChange = (changes: Partial<GradeChangeSource> = {}): GradeChangeSource => ({
      position: '8',
      state: 'in-force',
      version: 1,
      subjectId: hubeiCarrier.id,
      subjectName: hubeiCarrier.name,
      schemeId: 'henan-passenger-hazardous-codes',
      schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
      grade: 'green',
      gradeLabel: '绿码',
      cycle: '2026-Q4',
      evaluatedAt: '2026-11-03T00:00:00.000Z',
      reason: '',
      effectiveAt: '2026-11-03T00:00:00.000Z',
      ...changes,
    });

    it('shares a grade of the partner’s enterprise as in force, its id naming enterprise, scheme and version', () => {
      const shared = shareableGradeChange('420000', gradeChange());
      expect(shared).toEqual({
        id: `grade:${hubeiCarrier.id}:henan-passenger-hazardous-codes:v1`,
        position: '8',
        type: 'grade.in-force',
        grade: {
          subject: { kind: 'org', id: hubeiCarrier.id, name: hubeiCarrier.name },
          schemeId: 'henan-passenger-hazardous-codes',
          schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
          grade: 'green',
          gradeLabel: '绿码',
          cycle: '2026-Q4',
          evaluatedAt: '2026-11-03T00:00:00.000Z',
          version: 1,
          effectiveAt: '2026-11-03T00:00:00.000Z',
        },
      });
    });

    it('shares its withdrawal as withdrawn, with the reason and a new id', () => {
      const withdrawn = gradeChange({ state: 'withdrawn', version: 2, reason: 'SECTOR_OUTSIDE', effectiveAt: '2026-12-01T00:00:00.000Z' });
      expect(shareableGradeChange('420000', withdrawn)).toMatchObject({
        id: `grade:${hubeiCarrier.id}:henan-passenger-hazardous-codes:v2`,
        type: 'grade.withdrawn',
        grade: { version: 2, removal: { reason: 'SECTOR_OUTSIDE', removedAt: '2026-12-01T00:00:00.000Z' } },
      });
    });

    it('shares nothing about enterprises registered elsewhere, nor a state it does not know', () => {
      expect(shareableGradeChange('420000', gradeChange({ subjectId: '914101001234567890' }))).toBeNull();
      expect(shareableGradeChange('420100', gradeChange({ subjectId: '914202001234567890' }))).toBeNull();
      expect(shareableGradeChange('420000', gradeChange({ state: 'appealed' }))).toBeNull();
    });
  });

  describe('a page over the three sources', () => {
    const listChange = (position: string): FeedChange => ({
      id: `list-entry:${position}:v1`,
      position,
      type: 'list-entry.in-force',
      entry: entry({ id: position }),
    });
    const read = (changes: FeedChange[], next: string, head: string): SourceRead => ({ changes, next, head });

    const gradeChange = (position: string): FeedChange => ({ ...listChange(position), id: `grade:${position}` });

    it('moves each position past what was read of it, echoes the cursor and names the three heads', () => {
      const page = feedPage(readCursor('c3.3.10.1'), {
        list: read([listChange('4'), listChange('6')], '6', '9'),
        records: read([], '5000', '8000'),
        grades: read([gradeChange('2')], '40', '70'),
      });
      expect(page).toMatchObject({ since: 'c3.3.10.1', next: 'c3.6.5000.40', head: 'c3.9.8000.70' });
      expect(page.changes.map((c) => c.id)).toEqual(['list-entry:4:v1', 'list-entry:6:v1', 'grade:2']);
    });

    it('answers a c1 or c2 reader with c3 cursors from then on', () => {
      const empty = (at: string) => read([], at, at);
      expect(feedPage(readCursor('c1.3'), { list: empty('3'), records: empty('12'), grades: empty('5') })).toMatchObject({
        since: 'c1.3',
        next: 'c3.3.12.5',
        head: 'c3.3.12.5',
      });
      expect(feedPage(readCursor('c2.3.12'), { list: empty('3'), records: empty('12'), grades: empty('5') })).toMatchObject({
        since: 'c2.3.12',
        next: 'c3.3.12.5',
      });
    });

    it('refuses a cursor ahead of any head', () => {
      expect(() => feedPage(readCursor('c3.3.13.0'), { list: read([], '3', '3'), records: read([], '13', '12'), grades: read([], '0', '0') })).toThrow(
        expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }),
      );
      expect(() => feedPage(readCursor('c3.3.12.6'), { list: read([], '3', '3'), records: read([], '12', '12'), grades: read([], '5', '5') })).toThrow(
        expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }),
      );
    });

    /**
     * Two sources each holding positions 1..n, read `after` with a limit as the upstreams do; a
     * reader follows `next` from the start until `next` equals `head`. Every change of both is
     * delivered once, in each source's order ("ordered, resumable", issue 20 item 2).
     */
    it('delivers every change of the three sources once, in each source’s order, when followed from the start to the head', () => {
      const source = (kind: string, n: number, limit: number) => (after: string) => {
        const positions = Array.from({ length: n }, (_, i) => i + 1)
          .filter((p) => p > Number(after))
          .slice(0, limit);
        const changes = positions.map((p): FeedChange => ({ ...listChange(String(p)), id: `${kind}:${p}` }));
        return read(changes, String(positions.at(-1) ?? after), String(n));
      };
      const list = source('list', 7, 3);
      const records = source('record', 12, 5);
      const grades = source('grade', 9, 2);
      const delivered: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const since = readCursor(cursor);
        const page = feedPage(since, { list: list(since.positions.list), records: records(since.positions.records), grades: grades(since.positions.grades) });
        delivered.push(...page.changes.map((c) => c.id));
        cursor = page.next;
        if (page.next === page.head) break;
      }
      expect(cursor).toBe('c3.7.12.9');
      expect(delivered.filter((id) => id.startsWith('list:'))).toEqual(Array.from({ length: 7 }, (_, i) => `list:${i + 1}`));
      expect(delivered.filter((id) => id.startsWith('record:'))).toEqual(Array.from({ length: 12 }, (_, i) => `record:${i + 1}`));
      expect(delivered.filter((id) => id.startsWith('grade:'))).toEqual(Array.from({ length: 9 }, (_, i) => `grade:${i + 1}`));
    });
  });
});
