import type { Span } from '@opentelemetry/api';
import type { IncomingMessage } from 'node:http';
import { maskPersonalUrlAttributes } from './tracing';

/** A span as the SDK hands it to the hook: attributes readable, setAttribute writing them. */
function spanWith(attributes: Record<string, unknown>): Span & { attributes: Record<string, unknown> } {
  return { attributes, setAttribute: (key: string, value: unknown) => ((attributes[key] = value), undefined) } as never;
}

describe('HTTP span attributes', () => {
  it("mask a citizen ID in the request's path and query (GB 11643-1999's worked example)", () => {
    const span = spanWith({
      'url.path': '/api/v1/registry/drivers/11010519491231002X',
      'url.query': 'subjectId=11010519491231002X',
      'http.request.method': 'GET',
    });
    maskPersonalUrlAttributes(span, { url: '/api/v1/registry/drivers/11010519491231002X?subjectId=11010519491231002X' } as IncomingMessage);
    expect(span.attributes).toEqual({
      'url.path': '/api/v1/registry/drivers/110***********002X',
      'url.query': 'subjectId=110***********002X',
      'http.request.method': 'GET',
    });
  });

  it('leave a request without one as it is', () => {
    const span = spanWith({ 'url.path': '/api/v1/registry/enterprises/91350100M000100Y43' });
    maskPersonalUrlAttributes(span, { url: '/api/v1/registry/enterprises/91350100M000100Y43' } as IncomingMessage);
    expect(span.attributes).toEqual({ 'url.path': '/api/v1/registry/enterprises/91350100M000100Y43' });
  });
});
