import { DomainError } from '@platform/errors';
import { decodeCursor, encodeCursor, pageSize } from './list-cursor';

describe('list cursors', () => {
  it('round-trips a position', () => {
    const position = { date: '2026-11-02', id: '019aa2f0-0000-7000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('')).toBeUndefined();
  });

  it.each(['garbage', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('{}').toString('base64url')])('refuses a made-up cursor %s', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
  });

  it('bounds the page size', () => {
    expect(pageSize(0)).toBe(50);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(201)).toThrow(DomainError);
    expect(() => pageSize(-1)).toThrow(DomainError);
  });
});
