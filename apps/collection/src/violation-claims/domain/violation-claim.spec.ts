import { claimStateOf, rate, requiredText } from './violation-claim';

describe('monitoring-violation claims', () => {
  it('moves from unclaimed to claimed to disposed', () => {
    expect(claimStateOf(null)).toBe('unclaimed');
    expect(claimStateOf({ claimedAt: new Date(), disposedAt: null })).toBe('claimed');
    expect(claimStateOf({ claimedAt: new Date(), disposedAt: new Date() })).toBe('disposed');
  });

  it('reports rates to four decimals, and 1 when nothing was due', () => {
    expect(rate(91, 100)).toBe(0.91);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBe(1);
  });

  it('requires the free-text fields', () => {
    expect(requiredText('claimant', '  ', 'who claims').violations.map((v) => v.code)).toEqual(['REQUIRED']);
    expect(requiredText('claimant', ' 安全员张三 ', 'who claims').value).toBe('安全员张三');
    expect(requiredText('disposal', 'x'.repeat(1001), 'what was done').violations.map((v) => v.code)).toEqual(['TOO_LONG']);
  });
});
