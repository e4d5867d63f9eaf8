import { decodeFeedPosition, encodeFeedPosition, FEED_START } from './reminder-feed-cursor';

describe('licence reminder feed positions', () => {
  it('round-trips a position through the opaque cursor', () => {
    expect(decodeFeedPosition(encodeFeedPosition('123456789012'))).toBe('123456789012');
    expect(decodeFeedPosition(encodeFeedPosition(FEED_START))).toBe(FEED_START);
  });

  it('refuses what the API never gave: other text, signs, leading zeros, numbers past bigint', () => {
    const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const text of ['abc', '12', 'seq:', 'seq:-1', 'seq:01', 'seq:1.5', 'seq:9223372036854775808'])
      expect(decodeFeedPosition(encode(text))).toBeUndefined();
    expect(decodeFeedPosition(encode('seq:9223372036854775807'))).toBe('9223372036854775807');
    expect(decodeFeedPosition('not a cursor!')).toBeUndefined();
    expect(decodeFeedPosition('')).toBeUndefined();
  });
});
