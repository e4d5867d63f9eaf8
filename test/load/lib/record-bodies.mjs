// Bodies for record-submission benchmarks from a scenario's `bodyTemplate` (test/load/scenarios):
// each call a new record — fresh USCC, document number and source id — so nothing is a duplicate
// or a replay. Placeholders: {{uscc}}, {{n}}, {{run}}, {{yesterday}} (in China's time zone).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { usccCheckCharacter } = require(join(import.meta.dirname, '..', '..', '..', 'dist/libs/domain/identifiers/src'));
const { addDays, chinaDateOf } = require(join(import.meta.dirname, '..', '..', '..', 'dist/libs/domain/calendar/src'));

/** A function returning the next body as JSON text, or undefined without a template. */
export function bodyFactory(template) {
  if (!template) return () => undefined;
  const run = Date.now().toString(36);
  const yesterday = addDays(chinaDateOf(new Date()), -1);
  let n = 0;
  const text = JSON.stringify(template);
  return () => {
    n += 1;
    const first17 = `91410100${run
      .toUpperCase()
      .replace(/[IOSVZ]/g, '0')
      .slice(-4)
      .padStart(4, '0')}${String(n).padStart(5, '0')}`;
    return text
      .replaceAll('{{uscc}}', first17 + usccCheckCharacter(first17))
      .replaceAll('{{n}}', String(n))
      .replaceAll('{{run}}', run)
      .replaceAll('{{yesterday}}', yesterday);
  };
}
