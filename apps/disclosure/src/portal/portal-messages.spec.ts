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
    // The public permit verification the portal's permit page reads (permits' ApplicationErrorCode;
    // another service's module, so named here: GET /public/v1/permits/{permitNo} answers these).
    'PERMIT.NOT_FOUND',
    'PERMIT.INVALID_QUERY',
  ];

  it.each(publicCodes)('%s', (code) => {
    const line = new RegExp(`'${code.replace(/\./g, '\\.')}': '([^']+)'`).exec(messages);
    expect(line?.[1]).toMatch(/[\u4e00-\u9fff]/);
    expect(line?.[1]).not.toMatch(/[A-Za-z]{3,}/);
  });
});

/** Issue 18 item 6: the permit page says in Chinese what each validity the public verification answers means. */
describe("the portal's permit page has a Chinese sentence for every validity", () => {
  const portal = readFileSync(join(__dirname, '../../portal/portal.js'), 'utf8');
  const start = portal.indexOf('const PERMIT_VALIDITY = {');
  const sentences = portal.slice(start, portal.indexOf('};', start));

  // permits' PermitValidity: valid | not-yet-valid | expired | revoked.
  it.each(['valid', 'not-yet-valid', 'expired', 'revoked'])('%s', (validity) => {
    const line = new RegExp(`(?:'${validity}'|\\b${validity}): \\['(ok|error)', '([^']+)'\\]`).exec(sentences);
    expect(line?.[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(line?.[1]).toBe(validity === 'valid' ? 'ok' : 'error');
  });
});
