import pino, { Logger, LoggerOptions } from 'pino';
import { trace, isSpanContextValid } from '@opentelemetry/api';

/** Personal data and secrets never reach the logs (ARCHITECTURE.md §6). */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.client_secret',
  '*.clientSecret',
  '*.password',
  '*.idNumber',
  '*.citizenId',
];

/** Adds the active trace and span ids to every line so logs and traces join up. */
export function traceMixin(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ctx = span.spanContext();
  return isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
}

export function pinoOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceMixin,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
  };
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(pinoOptions(service, level));
}

export function currentTraceId(): string | undefined {
  return traceMixin().trace_id;
}
