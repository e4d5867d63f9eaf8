// The position-stream workload shared by route-conformance-bench.mjs, bench.mjs and k6/scenario.js: permit holders
// on routes of 60 vertices (≈ 120 km) spread over Henan; every vehicle reports in time order, 90 %
// of points on its route (within ±300 m of it), 10 % 2–5 km off, so episodes open and close; 1 % of
// points are flagged (impossible speed). Deterministic (a fixed linear congruential seed), so every
// run sends the same points. Plain JavaScript without imports: k6/scenario.js loads it too.
/**
 * `vehicles` permits valid from `start` for 12 h, and `positions` reports in batches of `batch` (JSON
 * text of { reports }), from 8 h after `start` plus `shiftMs` (later runs send later tracks).
 */
export function positionWorkload({ positions, vehicles, batch, start = Date.now() - 12 * 3_600_000, shiftMs = 0 }) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const permits = [];
  for (let v = 0; v < vehicles; v += 1) {
    let lon = 111.5 + random() * 3.5;
    let lat = 32.5 + random() * 3;
    const coordinates = [[lon, lat]];
    for (let k = 0; k < 59; k += 1) {
      lon += (random() - 0.3) * 0.03;
      lat += (random() - 0.3) * 0.02;
      coordinates.push([lon, lat]);
    }
    permits.push({
      permitNo: `BENCH-${v}`,
      plate: `豫B${String(v).padStart(5, '0')}`,
      plateColour: 'yellow',
      route: { segments: [{ province: '410000', line: { type: 'LineString', coordinates } }] },
      validFrom: start,
      validUntil: start + 12 * 3_600_000,
      carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
      issuedByRegion: '410000',
    });
  }
  const batches = [];
  let reports = [];
  const perVehicle = Math.ceil(positions / vehicles);
  for (let i = 0; i < positions; i += 1) {
    const v = i % vehicles;
    const step = Math.floor(i / vehicles);
    const line = permits[v].route.segments[0].line.coordinates;
    const t = Math.min(0.999, step / perVehicle) * (line.length - 1);
    const [a, b] = [line[Math.floor(t)], line[Math.floor(t) + 1]];
    const f = t - Math.floor(t);
    const off = random() < 0.1 ? 0.02 + random() * 0.03 : (random() - 0.5) * 0.006;
    reports.push({
      plate: permits[v].plate,
      plateColour: 'yellow',
      longitude: a[0] + (b[0] - a[0]) * f + off,
      latitude: a[1] + (b[1] - a[1]) * f,
      speedKmh: random() < 0.01 ? 400 : 60,
      recordedAt: new Date(start + 8 * 3_600_000 + shiftMs + step * 30_000).toISOString().replace('Z', '+00:00'),
    });
    if (reports.length === batch) {
      batches.push(JSON.stringify({ reports }));
      reports = [];
    }
  }
  if (reports.length > 0) batches.push(JSON.stringify({ reports }));
  return { permits, batches };
}

/** The PermitIssued event data permits' conformance consumer reads, for a workload permit. */
export function permitIssued(p, randomUUID) {
  return {
    permitNo: p.permitNo,
    applicationId: randomUUID(),
    carrier: p.carrier,
    vehicle: { tractorPlate: p.plate, tractorPlateColour: p.plateColour },
    permitClass: 'II',
    route: p.route,
    dimensions: { heightM: 4.5, widthM: 3.5, lengthM: 20, grossMassKg: 60000 },
    validFrom: new Date(p.validFrom).toISOString(),
    validUntil: new Date(p.validUntil).toISOString(),
    trips: 'single',
    issuedBy: { region: '410000', authority: '河南省交通运输厅', authorityUscc: '114100000052519881' },
    issuedAt: new Date(p.validFrom).toISOString(),
  };
}
