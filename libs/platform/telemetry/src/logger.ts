import pino, { Logger, LoggerOptions } from 'pino';
import { trace, isSpanContextValid } from '@opentelemetry/api';
import { maskCitizenIdsInText } from '@domain/identifiers';

/** Personal data and secrets never reach the logs (ARCHITECTURE.md §6). */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.client_secret',
  '*.clientSecret',
  '*.password',
  '*.idNumber',
  '*.citizenId',
  // Tokens (issue 23 item 7): an access token answer, a token or key handed to a logger by mistake.
  '*.access_token',
  '*.accessToken',
  '*.refresh_token',
  '*.token',
  '*.privateKey',
  // `*.x` is one level down only; the same keys at the top of a log object:
  'token',
  'access_token',
  'accessToken',
  '*.headers.authorization',
  '*.headers["x-principal"]',
];

/** An error as pino serialises it, with citizen IDs in its message and stack masked (a message may quote the input). */
export function errorLogFields(error: Error): Record<string, unknown> {
  const fields = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack'] as const) {
    if (typeof fields[key] === 'string') fields[key] = maskCitizenIdsInText(fields[key]);
  }
  return fields;
}

/** Adds the active trace and span ids to every line so logs and traces join up. */
export function traceMixin(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ctx = span.spanContext();
  return isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
}

/** The request as pino-std-serializers hands it to a custom serializer. */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
}

/**
 * What a request's log lines say about it: enough to find it (id, method, url, peer, agent) and
 * no headers, so no credential can reach a log line. pino-http serialises this when it binds the
 * request's logger, before it knows whether a line will be written; with every header that cost
 * about 5 % of the gateway's CPU per record (redaction clones them), with these fields a tenth.
 */
export function requestLogFields(req: SerializedRequest): Record<string, unknown> {
  // A URL may name a person (GET /api/v1/registry/drivers/{citizenId}, ?subjectId=…): masked.
  return {
    id: req.id,
    method: req.method,
    url: req.url === undefined ? undefined : maskCitizenIdsInText(req.url),
    remoteAddress: req.remoteAddress,
    userAgent: req.headers?.['user-agent'],
  };
}

export function pinoOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceMixin,
    serializers: { req: requestLogFields, err: errorLogFields },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    // A message written with a citizen ID in it (`logger.warn(\`… \${id}\`)`) is masked like a URL.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskCitizenIdsInText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(pinoOptions(service, level));
}

export function currentTraceId(): string | undefined {
  return traceMixin().trace_id;
}
