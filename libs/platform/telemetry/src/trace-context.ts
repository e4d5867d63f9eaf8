import { context, propagation, Context, Link, trace, SpanKind, Span, SpanStatusCode } from '@opentelemetry/api';

/** W3C trace context as a plain header map, for carriers with no instrumentation (NATS, outbox rows). */
export function injectTraceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

export function extractTraceContext(headers: Record<string, string | undefined>): Context {
  return propagation.extract(context.active(), headers);
}

const tracer = () => trace.getTracer('transport-credit');

/** Runs `work` inside a span that is a child of `parent`, recording failure. */
export async function withSpan<T>(
  name: string,
  options: { kind: SpanKind; parent?: Context; attributes?: Record<string, string | number>; links?: Link[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes, links: options.links },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** A span link to the producer's span carried in `headers` (for work done for many messages at once). */
export function linkFromTraceHeaders(headers: Record<string, string | undefined>): Link | undefined {
  const spanContext = trace.getSpanContext(extractTraceContext(headers));
  return spanContext ? { context: spanContext } : undefined;
}

export { SpanKind };
