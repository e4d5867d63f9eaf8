// Builds requests from test/load/scenarios.json, for both runners: the Node runner (bench.mjs) and
// the k6 script (k6/scenario.js). Plain JavaScript with no Node or k6 imports, so both load it.
//
// Placeholders in a scenario's `path`, `headers`, `body` and `line` (whole-value or inside text):
//   {{n}}          the call's serial number in this process (1, 2, …)
//   {{run}}        a tag of this process (3 characters of the USCC alphabet)
//   {{uscc}}       a fresh, valid USCC per call (organisation code: run, then n in base 31)
//   {{subject}}    the next of the scenario's subjects (`setup.subjects`), round-robin by n
//   {{serial5}}    n in base 36, 5 characters (plates); {{serial4}} its last 4
//   {{uuid}}       a random UUID (Idempotency-Key)
//   {{date±D}}     the date in China D days from today, YYYY-MM-DD (e.g. {{date-1}} is yesterday)

export const PLACEHOLDERS = ['n', 'run', 'uscc', 'subject', 'serial5', 'serial4', 'uuid', 'date±D'];

// GB 32100-2015: the alphabet and, for position i, the weight 3^i mod 31.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function usccOf(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * (3 ** i % 31);
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Deterministic subjects of a scenario: `91410100` + a 2-character prefix + 7 digits. */
export function subjectsOf(subjects) {
  if (!subjects) return [];
  return Array.from({ length: subjects.count }, (_, i) => usccOf(`91410100${subjects.prefix}${String(i).padStart(7, '0')}`));
}

/** `value` in the USCC alphabet (base 31), the last `length` characters. */
function base31(value, length) {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = USCC_ALPHABET[value % 31] + out;
    value = Math.floor(value / 31);
  }
  return out;
}

/** A 3-character run tag in the USCC alphabet, from the clock (seconds). */
export function runTag(now = Date.now()) {
  return base31(Math.floor(now / 1000), 3);
}

/** YYYY-MM-DD in China (UTC+8, no daylight saving), `days` from `now`. */
export function chinaDate(days, now = Date.now()) {
  return new Date(now + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function uuid() {
  const hex = '0123456789abcdef';
  let out = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
    else if (i === 14) out += '4';
    else if (i === 19) out += hex[8 + Math.floor(Math.random() * 4)];
    else out += hex[Math.floor(Math.random() * 16)];
  }
  return out;
}

const NAMES = 'n|run|uscc|subject|serial5|serial4|uuid|date[+-]\\d+';
const PATTERN = new RegExp(`\\{\\{(${NAMES})\\}\\}`, 'g');
const KNOWN = new RegExp(`^(${NAMES})$`);

/** Every `{{…}}` in `text` that is not a known placeholder (for the scenario data's test). */
export function unknownPlaceholders(text) {
  return [...text.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]).filter((name) => !KNOWN.test(name));
}

/**
 * A function (n) → the values of each placeholder for call n. `subjects` is the scenario's list
 * (from `subjectsOf`); `run` the process's tag.
 */
export function valuesFor({ run, subjects = [] }) {
  return (n) => {
    const serial = n.toString(36).toUpperCase().padStart(5, '0').slice(-5);
    return {
      n: String(n),
      run,
      uscc: usccOf(`91410100${run}${base31(n, 6)}`),
      subject: subjects.length ? subjects[n % subjects.length] : '',
      serial5: serial,
      serial4: serial.slice(-4),
      uuid: uuid(),
      date: (offset) => chinaDate(Number(offset)),
    };
  };
}

function expandText(text, values) {
  return text.replace(PATTERN, (_, name) => (name.startsWith('date') ? values.date(name.slice(4)) : values[name]));
}

/** `template` (any JSON value) with its placeholders replaced; numbers and booleans stay as they are. */
export function expand(template, values) {
  if (typeof template === 'string') return expandText(template, values);
  if (Array.isArray(template)) return template.map((item) => expand(item, values));
  if (template && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, expand(value, values)]));
  return template;
}

/** Request n of `request` ({ method, path, headers, body }): { method, path, headers, body text or undefined }. */
export function buildRequest(request, values) {
  const body = request.body === undefined ? undefined : JSON.stringify(expand(request.body, values));
  return { method: request.method, path: expandText(request.path, values), headers: expand(request.headers ?? {}, values), body };
}

/** An NDJSON body of `lines` lines from `request.line`, numbered from `firstN`. */
export function ndjsonBody(request, valuesOf, firstN, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) out.push(JSON.stringify(expand(request.line, valuesOf(firstN + i))));
  return out.join('\n');
}
