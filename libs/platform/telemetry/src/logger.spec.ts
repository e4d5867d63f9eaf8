import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { pinoOptions } from './logger';

/** Runs one request through pino-http with the platform's options and returns the line it wrote. */
function logLineFor(headers: Record<string, string>, url = '/api/v1/credit-records?x=1'): Record<string, unknown> & { req: Record<string, unknown> } {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  const middleware = pinoHttp({ ...pinoOptions('test', 'info') }, stream);
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: 'POST', url, headers });
  const res = new ServerResponse(req);
  middleware(req, res, () => undefined);
  res.statusCode = 201;
  res.emit('finish');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}

describe('request log lines', () => {
  it('identify the request without carrying any header but the user agent', () => {
    const line = logLineFor({ authorization: 'Bearer secret-token', cookie: 'sid=1', 'user-agent': 'city-system/2.1', 'x-id-number': '410102199001011234' });
    expect(line.req).toEqual(expect.objectContaining({ method: 'POST', url: '/api/v1/credit-records?x=1', userAgent: 'city-system/2.1' }));
    expect(line.req.headers).toBeUndefined();
    const text = JSON.stringify(line);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('410102199001011234');
  });

  it('mask a citizen ID the URL carries (a driver in the registry path), as public output masks it', () => {
    // GB 11643-1999's worked example; masking.ts keeps the first 3 and last 4 characters.
    const line = logLineFor({}, '/api/v1/registry/drivers/11010519491231002X');
    expect(line.req.url).toBe('/api/v1/registry/drivers/110***********002X');
  });
});

describe('application log lines (issue 23 item 7)', () => {
  function linesOf(write: (logger: pino.Logger<never>) => void): string[] {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    write(pino(pinoOptions('test', 'info'), stream));
    return lines;
  }
  // GB 11643-1999's worked example (a valid check character), as in the URL test above.
  const citizenId = '11010519491231002X';
  const token = 'eyJhbGciOiJFUzI1NiJ9.payload.signature';

  it('redact a token and the authorization header wherever an object carries them', () => {
    const [line] = linesOf((logger) =>
      logger.info({ answer: { access_token: token }, call: { headers: { authorization: `Bearer ${token}` } }, token }, 'token issued'),
    );
    expect(line).not.toContain(token);
    expect(JSON.parse(line)).toMatchObject({ answer: { access_token: '[redacted]' }, call: { headers: { authorization: '[redacted]' } }, token: '[redacted]' });
  });

  it('mask a citizen ID in a message and in an error’s message and stack', () => {
    const lines = linesOf((logger) => {
      logger.warn(`driver ${citizenId} not found`);
      logger.error({ err: new Error(`no driver ${citizenId}`) }, 'lookup failed');
    });
    expect(lines.join('\n')).not.toContain(citizenId);
    expect(JSON.parse(lines[0]).message).toBe('driver 110***********002X not found');
    expect(JSON.parse(lines[1]).err.message).toBe('no driver 110***********002X');
  });
});
