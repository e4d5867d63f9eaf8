// A service's own view of its latency, from the Prometheus histogram it exports at GET /metrics:
// scrape before and after a run, subtract, and read quantiles the way Prometheus'
// histogram_quantile does (linear within a bucket). This is the time a call spent inside the
// service's handler pipeline; the load generator's own stack and the loopback hop are outside it.

/** Cumulative bucket counts of `metric` summed over the series whose labels include `labels`. */
export async function scrapeHistogram(url, metric, labels = {}) {
  const text = await (await fetch(url)).text();
  const buckets = new Map();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}_bucket{`)) continue;
    const [, labelText, value] = /\{(.*)\} (\S+)$/.exec(line) ?? [];
    if (!labelText || !wanted.every((pair) => labelText.includes(pair))) continue;
    const le = /le="([^"]+)"/.exec(labelText)[1];
    const bound = le === '+Inf' ? Infinity : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(value));
  }
  return buckets;
}

/** The calls observed between two scrapes: [upper bound in ms, calls at or under it], ascending. */
export function histogramSince(before, after) {
  return [...after].map(([bound, count]) => [bound * 1000, count - (before.get(bound) ?? 0)]).sort((a, b) => a[0] - b[0]);
}

/** Runs `run()` and returns its result with the calls `metric` (filtered by `labels`) observed meanwhile. */
export async function observedDuring(url, metric, labels, run) {
  const before = await scrapeHistogram(url, metric, labels);
  const result = await run();
  return { result, histogram: histogramSince(before, await scrapeHistogram(url, metric, labels)) };
}

/** The q-quantile (0–1) in ms, interpolated within its bucket; `undefined` when nothing was observed. */
export function quantile(histogram, q) {
  const total = histogram.at(-1)?.[1] ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of histogram) {
    if (count >= rank) {
      if (bound === Infinity) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}

/** Share of the observed calls that took at most `ms` (which must be a bucket bound). */
export function shareWithin(histogram, ms) {
  const total = histogram.at(-1)?.[1] ?? 0;
  const bucket = histogram.find(([bound]) => bound === ms);
  if (!bucket) throw new Error(`${ms} ms is not a bucket bound of this histogram`);
  return total === 0 ? undefined : bucket[1] / total;
}
