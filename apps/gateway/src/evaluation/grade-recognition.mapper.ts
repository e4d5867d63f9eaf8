import { evaluationV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/grade-recognitions: the recognition tables as evaluation keeps them. */
export interface RecognitionTablesBody {
  tables: JsonValue;
}

export function toRecognitionTablesBody({ tablesJson }: evaluationV1.ListRecognitionTablesResponse): RecognitionTablesBody {
  return { tables: parseJson(tablesJson) };
}
