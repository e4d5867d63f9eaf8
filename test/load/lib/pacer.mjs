// The open-model pacer shared by the benchmarks: call i leaves at i / rate seconds whatever the
// latency (late calls are not skipped, so queueing shows in the tail). autocannon's `overallRate`
// is not used for this: it lets each connection send its per-second quota back to back at the
// start of every second, i.e. bursts, not a rate.
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';

// BENCH_SLOW_MS=50 prints when (seconds into the run) each call slower than that was sent, to tell
// stalls (clusters) from steady queueing.
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 0);

/** Latencies in µs, summarised in ms as every load model reports them. */
function latencies() {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const ms = (p) => Math.round(histogram.getValueAtPercentile(p) / 10) / 100;
  return {
    record: (micros) => histogram.recordValue(micros),
    summary: (rps, errors, total) => ({ rps, p50: ms(50), p95: ms(95), p99: ms(99), errors, total }),
  };
}

/** Calls `fn(i)` `rate` times a second for `seconds`; a rejected call counts as an error. Latencies in ms. */
export async function atRate(rate, seconds, fn) {
  const latency = latencies();
  let errors = 0;
  const slow = [];
  const total = Math.round(rate * seconds);
  const start = process.hrtime.bigint();
  const startedAt = Date.now();
  const pending = [];
  for (let i = 0; i < total; i += 1) {
    const wait = Number(start + BigInt(Math.round((i * 1e9) / rate)) - process.hrtime.bigint()) / 1e6;
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = process.hrtime.bigint();
    pending.push(
      fn(i).then(
        () => {
          const micros = Number(process.hrtime.bigint() - t0) / 1000;
          latency.record(micros);
          if (SLOW_MS && micros > SLOW_MS * 1000) slow.push(`${(Number(t0 - start) / 1e9).toFixed(2)}s:${Math.round(micros / 1000)}ms`);
        },
        () => (errors += 1),
      ),
    );
  }
  await Promise.all(pending);
  if (slow.length) console.error(`slower than ${SLOW_MS} ms (${slow.length}, from ${new Date(startedAt).toISOString()}): ${slow.join(' ')}`);
  return latency.summary(Math.round(total / (Number(process.hrtime.bigint() - start) / 1e9)), errors, total);
}

/**
 * Closed model: `clients` callers, each sending its next call as soon as the previous one is
 * answered (no think time), for `seconds`. Throughput and latency are then one figure seen twice
 * (Little's law: latency ≈ clients / throughput), which is what "p95 under N ms with C concurrent
 * clients" asks for. Latencies in ms; a rejected call counts as an error.
 */
export async function closedLoop(clients, seconds, fn) {
  const latency = latencies();
  let errors = 0;
  let total = 0;
  let firstError;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  const client = async (c) => {
    for (let i = c; process.hrtime.bigint() < end; i += clients) {
      const t0 = process.hrtime.bigint();
      total += 1;
      try {
        await fn(i);
        latency.record(Number(process.hrtime.bigint() - t0) / 1000);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  if (firstError) console.error(`first error: ${firstError.message}`);
  return latency.summary(Math.round(total / (Number(process.hrtime.bigint() - start) / 1e9)), errors, total);
}

/**
 * The closed model over HTTP driven by autocannon, which writes its requests to the socket itself
 * (about half the load generator's CPU of http.request): `clients` connections, each sending its
 * next request when answered, for `seconds`. `body()` makes each request's body; p95 comes from
 * every response's own latency, not interpolated; any status but `expected` is an error.
 */
export async function closedLoopHttp({ clients, seconds, url, method, headers = {}, body, expected }) {
  const latency = latencies();
  let errors = 0;
  const instance = autocannon({
    url,
    method,
    connections: clients,
    duration: seconds,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    requests: [{ setupRequest: (request) => (body ? { ...request, body: body() } : request) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => (statusCode === expected ? latency.record(responseTime * 1000) : (errors += 1)));
  const result = await instance;
  return latency.summary(Math.round(result.requests.average), errors + result.errors + result.timeouts, result.requests.total);
}
