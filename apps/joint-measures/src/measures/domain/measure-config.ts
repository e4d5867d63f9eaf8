import { DomainError } from '@platform/errors';
import { z } from 'zod';
import { checkedItem, References, type CheckedItem, type ConfigProblem, type SchemeCatalogue } from '../../configuration/domain/config-problem';
import { MeasureErrorCode } from './measure-errors';
import { mappingSchema, measureSchema, type Measure, type MeasureMapping } from './measure-catalogue';

/** The measures and their mappings as one versioned document (what an administrator uploads). */
export interface MeasureCatalogueDocument {
  measures: Measure[];
  mappings: MeasureMapping[];
}

/** The catalogue as decisions use it: the measures, and the mappings in force. */
export interface MeasureCatalogue {
  measures: ReadonlyMap<string, Measure>;
  /** Active mappings only: a pending or invalid mapping is never applied. */
  mappings: readonly MeasureMapping[];
  /** Mappings not applied, with why (reported by the decision and the admin API). */
  inactive: readonly CheckedItem<MeasureMapping>[];
}

export interface CheckedMeasureCatalogue {
  document: MeasureCatalogueDocument;
  /** Problems of the document as a whole (a measure code used twice). */
  problems: ConfigProblem[];
  mappings: CheckedItem<MeasureMapping>[];
}

/** The shape of a catalogue document; a malformed one is refused (400) with every field located. */
export function parseMeasureCatalogue(input: unknown): MeasureCatalogueDocument {
  const parsed = z
    .object({ measures: z.array(measureSchema).min(1), mappings: z.array(mappingSchema) })
    .strict()
    .safeParse(input);
  if (!parsed.success) {
    throw DomainError.validation(
      MeasureErrorCode.InvalidCatalogue,
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * Checks every reference of a catalogue document (issue 16 item 2): each mapping names a measure
 * of the document serving its scene, a list type, a record type of the collection catalogue, a
 * published scheme and grades of its ladder, sectors and GB/T 2260 regions. A mapping whose only
 * problem is a scheme not published yet is pending; any other problem makes it invalid.
 */
export function checkMeasureCatalogue(document: MeasureCatalogueDocument, schemes: SchemeCatalogue): CheckedMeasureCatalogue {
  const measures = new Map(document.measures.map((m) => [m.code, m]));
  const whole = new References(schemes);
  const codes = new Set<string>();
  document.measures.forEach((m, i) => {
    if (codes.has(m.code)) whole.duplicate(`measures[${i}].code`, m.code);
    codes.add(m.code);
  });
  const ids = new Set<string>();
  const mappings = document.mappings.map((m, i) => {
    const at = `mappings[${i}]`;
    const refs = new References(schemes);
    if (ids.has(m.id)) refs.duplicate(`${at}.id`, m.id);
    ids.add(m.id);
    const measure = measures.get(m.measure);
    if (!measure) refs.other(`${at}.measure`, m.measure, 'UNKNOWN_MEASURE', 'no measure of the catalogue has this code');
    else if (!measure.scenes.includes(m.scene))
      refs.other(`${at}.scene`, m.scene, 'SCENE_NOT_SERVED', `measure "${m.measure}" serves ${measure.scenes.join(', ')} only`);
    m.regions.forEach((r, j) => refs.region(`${at}.regions[${j}]`, r));
    m.sectors.forEach((s, j) => refs.sector(`${at}.sectors[${j}]`, s));
    const when = m.when;
    if ('list' in when) refs.listType(`${at}.when.list`, when.list);
    else if ('records' in when) refs.recordType(`${at}.when.records.recordType`, when.records.recordType);
    else
      refs.scheme(
        `${at}.when.grade.schemeId`,
        when.grade.schemeId,
        when.grade.grades.map((grade, j) => ({ path: `${at}.when.grade.grades[${j}]`, grade })),
      );
    return checkedItem(m.id, m, refs.problems);
  });
  return { document, problems: whole.problems, mappings };
}

/** What decisions use: the active mappings, and the others with their reasons. */
export function catalogueInForce(checked: CheckedMeasureCatalogue): MeasureCatalogue {
  return {
    measures: new Map(checked.document.measures.map((m) => [m.code, m])),
    mappings: checked.mappings.filter((m) => m.status === 'active').map((m) => m.item),
    inactive: checked.mappings.filter((m) => m.status !== 'active'),
  };
}

/** Every problem of a checked catalogue, the document's first. */
export function catalogueProblems(checked: CheckedMeasureCatalogue): ConfigProblem[] {
  return [...checked.problems, ...checked.mappings.flatMap((m) => m.problems)];
}
