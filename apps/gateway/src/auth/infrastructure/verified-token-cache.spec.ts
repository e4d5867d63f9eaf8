import type { Principal } from '@platform/auth';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = (clientId: string): Principal => ({ clientId, scopes: ['records:write'], region: '410100', kind: 'integrator' });

describe('VerifiedTokenCache', () => {
  let clock: number;
  beforeEach(() => {
    clock = 1_800_000_000_000;
  });

  it('answers with the principal of a verified token until the token expires', () => {
    const cache = new VerifiedTokenCache(10, () => clock);
    cache.remember('token-a', principal('a'), clock / 1000 + 60);
    expect(cache.get('token-a')).toEqual(principal('a'));
    clock += 59_999;
    expect(cache.get('token-a')).toEqual(principal('a'));
    clock += 1;
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('knows only tokens it was given, character for character', () => {
    const cache = new VerifiedTokenCache(10, () => clock);
    cache.remember('header.payload.signature', principal('a'), clock / 1000 + 60);
    expect(cache.get('header.payload.signaturf')).toBeUndefined();
    expect(cache.get('header.payload')).toBeUndefined();
  });

  it('forgets the oldest token when full', () => {
    const cache = new VerifiedTokenCache(2, () => clock);
    cache.remember('t1', principal('1'), clock / 1000 + 60);
    cache.remember('t2', principal('2'), clock / 1000 + 60);
    cache.remember('t3', principal('3'), clock / 1000 + 60);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t2')).toEqual(principal('2'));
    expect(cache.get('t3')).toEqual(principal('3'));
  });
});
