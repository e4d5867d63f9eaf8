import { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { SlidingWindowThrottlerStorage } from '../http/sliding-window-storage';
import { ProfileFastPath } from './profile-fast-path';

const USCC = '91410100MA3X000109';
const cached = { body: Buffer.from('{"uscc":"91410100MA3X000109"}'), etag: '"abc"', expiresAt: Infinity, refreshAt: Infinity };

function request(url: string, method = 'GET', headers: Record<string, string> = {}): IncomingMessage {
  return { url, method, headers, socket: { remoteAddress: '203.0.113.7' } } as unknown as IncomingMessage;
}

function response() {
  const headers: Record<string, unknown> = {};
  const sent: { status?: number; body?: Buffer } = {};
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = value),
    writeHead: (status: number, extra: Record<string, unknown> = {}) => {
      sent.status = status;
      for (const [k, v] of Object.entries(extra)) headers[k.toLowerCase()] = v;
      return res;
    },
    end: (body?: Buffer) => (sent.body = body),
  };
  return { res: res as unknown as ServerResponse, headers, sent };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('ProfileFastPath', () => {
  let storage: SlidingWindowThrottlerStorage;
  const fallback = jest.fn<void, Parameters<RequestListener>>();
  const make = (limit = 3, corsOrigins: string[] = []) =>
    new ProfileFastPath({ peek: (uscc) => (uscc === USCC ? cached : undefined) }, storage, { limitPerWindow: limit, windowMs: 60_000, corsOrigins });

  beforeEach(() => {
    storage = new SlidingWindowThrottlerStorage();
    fallback.mockReset();
  });
  afterEach(() => storage.onApplicationShutdown());

  it('answers a cached profile with its body, ETag, request id and rate-limit headers', async () => {
    const { res, headers, sent } = response();
    expect(make().tryServe(request(`/public/v1/subjects/${USCC}`), res, fallback)).toBe(true);
    await flush();
    expect(sent).toEqual({ status: 200, body: cached.body });
    expect(headers).toMatchObject({
      etag: '"abc"',
      'cache-control': 'no-cache',
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit-public': 3,
      'x-ratelimit-remaining-public': 2,
    });
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('gives a listed origin the CORS answer the full path gives (ADR 0074), and an unlisted one none', async () => {
    const listed = response();
    make(3, ['https://portal.example.cn']).tryServe(
      request(`/public/v1/subjects/${USCC}`, 'GET', { origin: 'https://portal.example.cn' }),
      listed.res,
      fallback,
    );
    const unlisted = response();
    make(3, ['https://portal.example.cn']).tryServe(request(`/public/v1/subjects/${USCC}`, 'GET', { origin: 'https://evil.example' }), unlisted.res, fallback);
    const none = response();
    make().tryServe(request(`/public/v1/subjects/${USCC}`, 'GET', { origin: 'https://portal.example.cn' }), none.res, fallback);
    await flush();
    expect(listed.headers).toMatchObject({ 'access-control-allow-origin': 'https://portal.example.cn', vary: 'Origin' });
    expect(listed.headers['access-control-expose-headers']).toContain('retry-after');
    expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
    expect(unlisted.headers.vary).toBe('Origin');
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 304 when the ETag matches', async () => {
    const { res, sent } = response();
    make().tryServe(request(`/public/v1/subjects/${USCC}`, 'GET', { 'if-none-match': '"abc"' }), res, fallback);
    await flush();
    expect(sent.status).toBe(304);
  });

  it('leaves misses, other methods, other spellings and query strings to the full path', () => {
    const path = make();
    for (const req of [
      request('/public/v1/subjects/91410300MA3X000208'),
      request(`/public/v1/subjects/${USCC}`, 'POST'),
      request(`/public/v1/subjects/${USCC.toLowerCase()}`),
      request(`/public/v1/subjects/${USCC}?x=1`),
      request(`/public/v1/subjects/${USCC}/report`),
    ]) {
      expect(path.tryServe(req, response().res, fallback)).toBe(false);
    }
  });

  it('hands an address over its limit to the full path (which answers the 429)', async () => {
    const path = make(2);
    for (let i = 0; i < 3; i += 1) path.tryServe(request(`/public/v1/subjects/${USCC}`), response().res, fallback);
    await flush();
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it("sits in front of the server's one request listener", () => {
    const server = new EventEmitter() as unknown as Server;
    const express = jest.fn();
    server.on('request', express);
    make().install(server);
    server.emit('request', request('/public/v1/lists/red'), response().res);
    expect(express).toHaveBeenCalledTimes(1);
    expect(server.listeners('request')).toHaveLength(1);
    expect(server.listeners('request')[0]).not.toBe(express);
  });
});
