import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformErrorCode } from '@platform/errors';
import { CreditReportErrorCode } from '../credit-reports/domain/credit-report-errors';
import { ListErrorCode } from '../lists/domain/list-errors';
import { ProfileErrorCode } from '../profiles/domain/profile-errors';
import { PublicationLogErrorCode } from '../publication-log/domain/publication-log-errors';
import { SearchErrorCode } from '../search/domain/search-errors';

/**
 * Issue 21: a person reads a Chinese sentence for every error `code` the public API can answer
 * (the API keeps its English detail for integrators). Adding a public code without its sentence fails here.
 */
describe('the portal has a Chinese message for every public error code', () => {
  const portal = readFileSync(join(__dirname, '../../portal/portal.js'), 'utf8');
  const messages = portal.slice(portal.indexOf('const ERROR_MESSAGES = {'), portal.indexOf('};', portal.indexOf('const ERROR_MESSAGES = {')));
  const publicCodes = [
    ...Object.values(CreditReportErrorCode),
    ...Object.values(ListErrorCode),
    ...Object.values(ProfileErrorCode),
    ...Object.values(PublicationLogErrorCode),
    ...Object.values(SearchErrorCode),
    PlatformErrorCode.NotFound,
    PlatformErrorCode.Timeout,
    PlatformErrorCode.HeadersTooLarge,
    PlatformErrorCode.RateLimited,
    PlatformErrorCode.Unavailable,
  ];

  it.each(publicCodes)('%s', (code) => {
    const line = new RegExp(`'${code.replace(/\./g, '\\.')}': '([^']+)'`).exec(messages);
    expect(line?.[1]).toMatch(/[\u4e00-\u9fff]/);
    expect(line?.[1]).not.toMatch(/[A-Za-z]{3,}/);
  });
});
