// The shipped configuration of evaluation and joint measures, for the cross-service check that
// every shipped set loads through the same checks (issue 16 item 2). A named bridge: the only file
// of test/ that may import these (eslint.config.mjs `testBridges`).
import { schemePublishedPayload } from '../../apps/evaluation/src/schemes/application/scheme-announcements';
import { SHIPPED_SCHEMES } from '../../apps/evaluation/src/engine/domain/shipped-schemes';
import { recognitionReferenceProblems, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from '../../apps/evaluation/src/engine/domain/recognition';
import { schemeCatalogue } from '../../apps/joint-measures/src/configuration/domain/config-problem';
import { knownSchemeOf } from '../../apps/joint-measures/src/configuration/domain/known-scheme';
import { checkShippedConfiguration, shippedProblems } from '../../apps/joint-measures/src/configuration/domain/shipped-configuration';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../../apps/joint-measures/src/measures/domain/shipped-measures';

/** The scheme catalogue joint measures builds from evaluation's announcements of its shipped schemes (document → event → known scheme). */
export function shippedSchemeCatalogue() {
  const at = new Date('2026-12-06T00:00:00Z');
  return schemeCatalogue(SHIPPED_SCHEMES.map((document) => knownSchemeOf(schemePublishedPayload(document, 1, at))));
}

/** Joint measures' shipped mappings, draw plans and entry rules checked against that catalogue: every problem, with its set. */
export function shippedJointMeasuresCheck() {
  const check = checkShippedConfiguration(shippedSchemeCatalogue());
  return { check, problems: shippedProblems(check) };
}

/** Evaluation's shipped recognition tables checked against its shipped schemes: every problem, with its table. */
export function shippedRecognitionProblems() {
  return SHIPPED_RECOGNITION_TABLES.flatMap((table) =>
    [...recognitionTableProblems(table), ...recognitionReferenceProblems(table, SHIPPED_SCHEMES)].map((problem) => ({ table: table.id, problem })),
  );
}

export const SHIPPED_SCHEME_IDS: readonly string[] = SHIPPED_SCHEMES.map((s) => s.id);

/** The shipped measure catalogue as an upload document, for tests that upload a variant of it. */
export const SHIPPED_MAPPINGS_FOR_UPLOAD = { measures: [...SHIPPED_MEASURES], mappings: [...SHIPPED_MAPPINGS] };
