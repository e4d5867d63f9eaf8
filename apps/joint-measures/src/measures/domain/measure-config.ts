import { DomainError, type FieldViolation } from '@platform/errors';
import { z } from 'zod';
import { MeasureErrorCode } from './measure-errors';
import { mappingSchema, measureSchema, type Measure, type MeasureMapping } from './measure-catalogue';

export interface MeasureCatalogue {
  measures: ReadonlyMap<string, Measure>;
  mappings: readonly MeasureMapping[];
}

/**
 * Checks a catalogue and its mappings as one document: every mapping names a known measure, used
 * in a scene the measure declares, and a record type the collection catalogue knows.
 */
export function parseMeasureCatalogue(input: { measures: unknown; mappings: unknown }, knownRecordTypes: readonly string[]): MeasureCatalogue {
  const parsed = z.object({ measures: z.array(measureSchema).min(1), mappings: z.array(mappingSchema) }).safeParse(input);
  if (!parsed.success) {
    throw DomainError.validation(
      MeasureErrorCode.InvalidCatalogue,
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  const measures = new Map(parsed.data.measures.map((m) => [m.code, m]));
  const violations: FieldViolation[] = [];
  if (measures.size !== parsed.data.measures.length) violations.push({ field: 'measures', message: 'duplicate measure code' });
  const ids = new Set<string>();
  parsed.data.mappings.forEach((m, i) => {
    if (ids.has(m.id)) violations.push({ field: `mappings.${i}.id`, message: `duplicate mapping id "${m.id}"` });
    ids.add(m.id);
    const measure = measures.get(m.measure);
    if (!measure) violations.push({ field: `mappings.${i}.measure`, message: `unknown measure "${m.measure}"` });
    else if (!measure.scenes.includes(m.scene))
      violations.push({ field: `mappings.${i}.scene`, message: `measure "${m.measure}" does not apply to scene ${m.scene}` });
    if ('records' in m.when && !knownRecordTypes.includes(m.when.records.recordType)) {
      violations.push({ field: `mappings.${i}.when.records.recordType`, message: `unknown record type "${m.when.records.recordType}"` });
    }
  });
  if (violations.length > 0) throw DomainError.validation(MeasureErrorCode.InvalidCatalogue, violations);
  return { measures, mappings: parsed.data.mappings };
}
