import { evaluationV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/evaluation-schemes/{id}: one version, its document as JSON. */
export interface SchemeVersionBody extends Omit<evaluationV1.GetSchemeResponse, 'documentJson'> {
  document: JsonValue;
}

/** POST /api/v1/evaluation-schemes/{id}/simulations: the summary and a sample with explanations. */
export interface SchemeSimulationBody extends Omit<evaluationV1.SimulateSchemeResponse, 'sampleJson'> {
  sample: JsonValue;
}

export function toSchemeVersionBody({ documentJson, ...version }: evaluationV1.GetSchemeResponse): SchemeVersionBody {
  return { ...version, document: parseJson(documentJson) };
}

export function toSchemeSimulationBody({ sampleJson, ...summary }: evaluationV1.SimulateSchemeResponse): SchemeSimulationBody {
  return { ...summary, sample: parseJson(sampleJson) };
}
