// The bare baseline of the position stream (route-conformance-bench.mjs, bench.mjs): the same JSON
// batches parsed and each point checked against the same kind of flatbush index with the same
// cheap-ruler distance as route conformance, in one plain loop (no validation, grouping or episodes).
import Flatbush from 'flatbush';
import CheapRuler from 'cheap-ruler';

/** The bare baseline: parse, look up the vehicle's permit, search the index, measure. Returns a run () → points outside. */
export function bareBaseline(permits, batches, corridorM) {
  const pieces = [];
  const byPlate = new Map();
  permits.forEach((permit, p) => {
    byPlate.set(`${permit.plate}|${permit.plateColour}`, p);
    const c = permit.route.segments[0].line.coordinates;
    for (let k = 1; k < c.length; k += 1) pieces.push({ p, a: c[k - 1], b: c[k], ruler: new CheapRuler((c[k - 1][1] + c[k][1]) / 2, 'meters') });
  });
  const index = new Flatbush(pieces.length);
  for (const piece of pieces) {
    const box = piece.ruler.bufferBBox(
      [Math.min(piece.a[0], piece.b[0]), Math.min(piece.a[1], piece.b[1]), Math.max(piece.a[0], piece.b[0]), Math.max(piece.a[1], piece.b[1])],
      corridorM,
    );
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  return () => {
    let outside = 0;
    for (const text of batches) {
      for (const r of JSON.parse(text).reports) {
        const p = byPlate.get(`${r.plate}|${r.plateColour}`);
        const at = Date.parse(r.recordedAt);
        if (p === undefined || !(at >= permits[p].validFrom)) continue;
        const point = [r.longitude, r.latitude];
        const hits = index.search(r.longitude, r.latitude, r.longitude, r.latitude, (i) => pieces[i].p === p);
        if (!hits.some((i) => pieces[i].ruler.pointToSegmentDistance(point, pieces[i].a, pieces[i].b) <= corridorM)) outside += 1;
      }
    }
    return outside;
  };
}
