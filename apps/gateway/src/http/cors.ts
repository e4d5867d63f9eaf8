import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { z } from '@platform/config';

/**
 * `GATEWAY_CORS_ORIGINS`: the web origins (scheme, host, port; comma-separated) whose pages may
 * call the API from a browser. Empty (the default): none — the portal is served by the gateway
 * itself (same origin), and integrators call from servers, which CORS does not concern (ADR 0074).
 */
export const corsOriginsSetting = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .refine((origins) => origins.every(isOrigin), 'must be comma-separated origins like https://portal.example.cn (no path, no trailing slash)');

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Response headers a listed origin's page may read. */
export const CORS_EXPOSED_HEADERS: readonly string[] = ['retry-after', 'location'];

/**
 * The same policy for answers written outside Express (the cached-profile fast path, ADR 0032):
 * a listed origin gets `Access-Control-Allow-Origin` naming it; with any origin configured the
 * answer varies by Origin, as the `cors` middleware marks it, so a shared cache keeps them apart.
 */
export function setCorsHeaders(origins: readonly string[], requestOrigin: string | undefined, setHeader: (name: string, value: string) => void): void {
  if (origins.length === 0) return;
  setHeader('Vary', 'Origin');
  if (requestOrigin === undefined || !origins.includes(requestOrigin)) return;
  setHeader('Access-Control-Allow-Origin', requestOrigin);
  setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(','));
}

/**
 * The explicit policy: only the listed origins, the API's own methods and headers, no cookies
 * (the API authenticates by bearer token), preflight cached for 10 minutes. An unlisted origin
 * gets no CORS header at all, so the browser refuses the response.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'traceparent'],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: false,
    maxAge: 600,
  };
}
