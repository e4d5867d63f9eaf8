// k6 reads the same scenario files as the Node runner (for ops, against a real cluster):
//   k6 run -e SCENARIO=gateway-submit-record -e BASE_URL=https://gateway.example -e TOKEN=... test/load/k6/scenario.js
// (No k6 binary installs on the development machines; test/load/run.mjs runs the scenarios here.)
import http from 'k6/http';
import { check } from 'k6';

const scenario = JSON.parse(open(`../scenarios/${__ENV.SCENARIO}.json`));
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function uscc(n) {
  const first = `91410100${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first[i]) * (3 ** i % 31);
  return first + alphabet[(31 - (sum % 31)) % 31];
}

// Closed loop (each VU sends its next request when the last one is answered) unless the scenario
// sets ratePerSecond: then an open model, requests arriving at that rate whatever the latency.
const load = scenario.load.ratePerSecond
  ? {
      scenarios: {
        paced: {
          executor: 'constant-arrival-rate',
          rate: scenario.load.ratePerSecond,
          timeUnit: '1s',
          duration: `${scenario.load.durationSeconds}s`,
          preAllocatedVUs: scenario.load.connections,
        },
      },
    }
  : { vus: scenario.load.connections, duration: `${scenario.load.durationSeconds}s` };

export const options = {
  ...load,
  thresholds: scenario.thresholds.p95Ms
    ? { http_req_duration: [`p(95)<${scenario.thresholds.p95Ms}`], http_req_failed: [`rate<=${scenario.thresholds.errorRate ?? 0}`] }
    : {},
};

export default function () {
  const n = __VU * 1_000_000 + __ITER;
  const yesterday = new Date(Date.now() - 16 * 3600_000).toISOString().slice(0, 10);
  const body = scenario.request.bodyTemplate
    ? JSON.stringify(scenario.request.bodyTemplate)
        .replaceAll('{{uscc}}', uscc(n))
        .replaceAll('{{n}}', String(n))
        .replaceAll('{{run}}', __ENV.RUN ?? 'k6')
        .replaceAll('{{yesterday}}', yesterday)
    : null;
  const response = http.request(scenario.request.method, `${__ENV.BASE_URL}${scenario.request.path}`, body, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${__ENV.TOKEN}` },
  });
  check(response, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });
}
