import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Span } from '@opentelemetry/api';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { maskCitizenIdsInText } from '@domain/identifiers';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry. Must run before Nest, pg or grpc are required, which is why services
 * start with `node --require dist/libs/platform/telemetry/src/preload.js` (ARCHITECTURE.md §3):
 * instrumentation patches modules as they load, so a module loaded first stays unpatched.
 * Spans are exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the context
 * is still propagated (W3C traceparent) either way, so traces join up wherever a collector exists.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): NodeSDK | undefined {
  if (sdk || env.OTEL_SDK_DISABLED === 'true') return sdk;
  const spanProcessors: SpanProcessor[] = [];
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
  }
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? 'transport-credit' }),
    spanProcessors,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are noise in traces.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
        requestHook: maskPersonalUrlAttributes,
      }),
      new GrpcInstrumentation({ ignoreGrpcMethods: [/^Check$/, /^Watch$/] }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  return sdk;
}

/** Attributes of an HTTP span that carry the request's path or query (stable and older semantic conventions). */
const URL_ATTRIBUTES = ['url.path', 'url.query', 'url.full', 'http.target', 'http.url'];

/**
 * A request path or query may name a person (`/api/v1/registry/drivers/{citizenId}`,
 * `?subjectId=`): its span attributes are masked as the request log and audit log mask them, so
 * no citizen ID reaches the trace backend whole (ARCHITECTURE.md §6). The hook runs after the
 * instrumentation has set the attributes; requests without an ID cost one regex test.
 */
export function maskPersonalUrlAttributes(span: Span, request: IncomingMessage | ClientRequest): void {
  const url = 'path' in request ? request.path : (request.url ?? '');
  if (maskCitizenIdsInText(url) === url) return;
  const attributes = (span as Span & { attributes?: Record<string, unknown> }).attributes ?? {};
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string') span.setAttribute(key, maskCitizenIdsInText(value));
  }
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
