import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toDomainError, writeProblem } from './problem-details.filter';

/** What the gateway answers for a failure nothing mapped before: its own database gone is a 503, a bug a 500. */
describe('ProblemDetailsFilter: unmapped failures', () => {
  const logger = new Logger('test');
  beforeAll(() => Logger.overrideLogger(false));

  /** The part of express's Response writeProblem uses, recording what was written. */
  function response() {
    const headers: Record<string, string> = {};
    const written: { status?: number; type?: string; body?: string } = {};
    const res = {
      getHeader: (name: string) => headers[name.toLowerCase()],
      setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
      status: (s: number) => ((written.status = s), res),
      type: (t: string) => ((written.type = t), res),
      send: (b: string) => ((written.body = b), res),
    };
    return { res: res as unknown as Response, headers, written };
  }
  const request = { originalUrl: '/api/v1/credit-records' } as Request;

  it('answers a lost database session (57P01, a restart) 503 SERVICE.UNAVAILABLE with Retry-After', () => {
    const { res, headers, written } = response();
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    writeProblem(res, request, toDomainError(terminated, logger));
    expect({ status: written.status, type: written.type, code: JSON.parse(written.body!).code, retryAfter: headers['retry-after'] }).toEqual({
      status: 503,
      type: 'application/problem+json',
      code: 'SERVICE.UNAVAILABLE',
      retryAfter: '5',
    });
  });

  it('still answers anything else it does not know 500 SERVICE.INTERNAL, without Retry-After', () => {
    const { res, headers, written } = response();
    writeProblem(res, request, toDomainError(new TypeError("Cannot read properties of undefined (reading 'id')"), logger));
    expect({ status: written.status, code: JSON.parse(written.body!).code, retryAfter: headers['retry-after'] }).toEqual({
      status: 500,
      code: 'SERVICE.INTERNAL',
      retryAfter: undefined,
    });
  });
});
