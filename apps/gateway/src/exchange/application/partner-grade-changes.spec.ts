import { Logger } from '@nestjs/common';
import { DomainError } from '@platform/errors';
import type { Upstreams } from '../../upstreams';
import type { RecognitionAgreement } from '../domain/recognition-agreement';
import type { PartnerFeedStore } from '../infrastructure/partner-feed-store';
import { PartnerGradeChanges } from './partner-grade-changes';
import type { RecognitionAgreements } from './recognition-agreements';

const henan = (recognitionTable?: string): RecognitionAgreement => ({
  id: 'henan-demo',
  partner: { region: '410000', name: '河南省交通运输厅' },
  source: 's',
  lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 6 }],
  grades: { schemes: [{ schemeId: 'henan-passenger-hazardous-codes', subjects: 'any', effect: 'apply', ...(recognitionTable ? { recognitionTable } : {}) }] },
});
const henanTable = { id: 'henan-codes-to-yangtze-four-colour', partner: { region: '410000' } };

/** The start-up check of the tables the agreements name (ADR 0085), against evaluation's answer (mocked here). */
describe('PartnerGradeChanges: the agreements’ recognition tables at start', () => {
  const changes = (agreement: RecognitionAgreement, answer: () => Promise<{ tablesJson: string }>) =>
    new PartnerGradeChanges(
      { gradeRecognition: { listRecognitionTables: answer } } as unknown as Upstreams,
      { all: [agreement] } as unknown as RecognitionAgreements,
      {} as PartnerFeedStore,
    );
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined)));
  afterEach(() => warn.mockRestore());

  it('names a table that evaluation does not hold, with its path', async () => {
    const problems = await changes(henan('no-such-table'), async () => ({ tablesJson: JSON.stringify([henanTable]) })).checkTables();
    expect(problems).toEqual(['0.grades.schemes.0.recognitionTable: no recognition table no-such-table']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no recognition table no-such-table'));
  });

  it('finds nothing wrong with a table evaluation holds for this partner, and asks nothing when no term names a table', async () => {
    expect(await changes(henan(henanTable.id), async () => ({ tablesJson: JSON.stringify([henanTable]) })).checkTables()).toEqual([]);
    const ask = jest.fn();
    expect(await changes(henan(), ask).checkTables()).toEqual([]);
    expect(ask).not.toHaveBeenCalled();
  });

  it('evaluation not answering yet: logged, not fatal (each grade is checked when applied)', async () => {
    const down = changes(henan(henanTable.id), () => Promise.reject(new DomainError('UPSTREAM.UNAVAILABLE', 'unavailable', 'evaluation is down')));
    expect(await down.checkTables()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not checked at start'));
  });
});
