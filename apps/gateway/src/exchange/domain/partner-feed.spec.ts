import { partnerFeedProblems, partnerFeedsSchema } from './partner-feed';
import type { RecognitionAgreement } from './recognition-agreement';

const henanAgreement: RecognitionAgreement = {
  id: 'henan-demo',
  partner: { region: '410000', name: '河南省交通运输厅' },
  source: 'demo',
  lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 }],
};
const feed = {
  region: '410000',
  baseUrl: 'http://127.0.0.1:8080/',
  jwksUrl: 'http://127.0.0.1:8080/.well-known/jwks.json',
  issuer: 'transport-credit-gateway',
  clientId: 'hubei-partner',
  clientSecret: 's3cret',
};

describe('partner feed configuration', () => {
  it('parses a feed with the default poll interval, the base URL without its trailing slash', () => {
    expect(partnerFeedsSchema.parse([feed])[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:8080', pollIntervalSeconds: 60 });
  });

  it('needs exactly one of the secret and its file', () => {
    expect(partnerFeedsSchema.safeParse([{ ...feed, clientSecretFile: '/run/secret' }]).success).toBe(false);
    expect(partnerFeedsSchema.safeParse([{ ...feed, clientSecret: undefined }]).success).toBe(false);
  });

  it('refuses a region that is no GB/T 2260 code and a URL that is not http(s)', () => {
    const result = partnerFeedsSchema.safeParse([{ ...feed, region: '999999', baseUrl: 'ftp://x' }]);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['0.baseUrl', '0.region']);
  });

  it('checks what it refers to: an agreement with the partner, not our own province, one feed per partner', () => {
    const feeds = partnerFeedsSchema.parse([feed, feed, { ...feed, region: '430000' }]);
    const problems = partnerFeedProblems(feeds, [henanAgreement], '410000');
    expect(problems).toEqual([
      expect.stringMatching(/^0\.region: .*own province/),
      expect.stringMatching(/^1\.region: a second feed/),
      expect.stringMatching(/^1\.region: .*own province/),
      expect.stringMatching(/^2\.region: no recognition agreement with 430000/),
    ]);
    expect(partnerFeedProblems(partnerFeedsSchema.parse([feed]), [henanAgreement], '420000')).toEqual([]);
  });
});
