import { newReportCode, parseReportCode } from './report-code';

describe('report verification codes', () => {
  it('are 12 Crockford base32 characters, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newReportCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('accept what people type from paper: lower case, spaces, dashes, O for 0, I or L for 1', () => {
    expect(parseReportCode('7k2m-9q4t-o1l1')).toBe('7K2M9Q4T0111');
    expect(parseReportCode('7K2M9Q4T011')).toBeUndefined();
    expect(parseReportCode('7K2M9Q4T011U')).toBeUndefined();
    expect(parseReportCode("'; DROP TABLE x")).toBeUndefined();
  });
});
