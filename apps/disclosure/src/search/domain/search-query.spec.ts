import { parseSearchQuery } from './search-query';

describe('public search queries', () => {
  it('recognises a USCC, in any case and width', () => {
    expect(parseSearchQuery(' 91350100m000100y43 ').value).toEqual({ kind: 'uscc', uscc: '91350100M000100Y43' });
    expect(parseSearchQuery('９１３５０１００Ｍ０００１００Ｙ４３').value).toEqual({ kind: 'uscc', uscc: '91350100M000100Y43' });
  });

  it('matches anything else as a literal part of the name', () => {
    expect(parseSearchQuery('中原  大件').value).toEqual({ kind: 'name', likePattern: '%中原 大件%' });
    expect(parseSearchQuery("50%_off\\'; DROP TABLE x;--").value).toEqual({ kind: 'name', likePattern: "%50\\%\\_off\\\\'; DROP TABLE x;--%" });
    // 18 characters that fail the check character are a name fragment, not an error.
    expect(parseSearchQuery('91350100M000100Y44').value).toEqual({ kind: 'name', likePattern: '%91350100M000100Y44%' });
  });

  it('refuses empty and over-long queries with the field', () => {
    expect(parseSearchQuery('   ').violations).toEqual([expect.objectContaining({ field: 'q', code: 'REQUIRED' })]);
    expect(parseSearchQuery('运'.repeat(51)).violations).toEqual([expect.objectContaining({ field: 'q', code: 'TOO_LONG' })]);
    expect(parseSearchQuery('运'.repeat(50)).violations).toEqual([]);
  });
});
