import { evaluationV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/grade-recognitions: the recognition tables as evaluation keeps them. */
export interface RecognitionTablesBody {
  tables: JsonValue;
}

export function toRecognitionTablesBody({ tablesJson }: evaluationV1.ListRecognitionTablesResponse): RecognitionTablesBody {
  return { tables: parseJson(tablesJson) };
}

/** One stored version of a recognition table, for admin clients. */
export interface RecognitionTableVersionBody {
  id: string;
  version: number;
  /** `platform:shipped` for a table shipped with the build. */
  uploadedBy: string;
  uploadedAt: string;
  /** The build ships a changed version that an operator's upload holds back (ADR 0047); listing only. */
  shippedUpdateAvailable: boolean;
  table: JsonValue;
}

export function toRecognitionTableVersionBody(version: evaluationV1.RecognitionTableVersion | undefined): RecognitionTableVersionBody {
  if (!version) throw new Error('evaluation answered without a recognition table version');
  return {
    id: version.tableId,
    version: version.version,
    uploadedBy: version.uploadedBy,
    uploadedAt: version.uploadedAt,
    shippedUpdateAvailable: version.shippedUpdateAvailable,
    table: parseJson(version.documentJson),
  };
}

/** GET /api/v1/admin/grade-recognition-tables: the tables in force, each with its version. */
export interface RecognitionTableVersionsBody {
  tables: RecognitionTableVersionBody[];
}

export function toRecognitionTableVersionsBody({ versions }: evaluationV1.ListRecognitionTablesResponse): RecognitionTableVersionsBody {
  return { tables: versions.map(toRecognitionTableVersionBody) };
}
