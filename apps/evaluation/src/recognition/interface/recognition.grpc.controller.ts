import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ApplyPartnerGradeHandler, type AppliedPartnerGrade } from '../application/apply-partner-grade.handler';
import { GetRecognitionTableHandler } from '../application/get-recognition-table.handler';
import { ListPartnerGradesHandler } from '../application/list-partner-grades.handler';
import { ListRecognitionTablesHandler } from '../application/list-recognition-tables.handler';
import { PutRecognitionTableHandler } from '../application/put-recognition-table.handler';
import { RecogniseGradeHandler } from '../application/recognise-grade.handler';
import type { RecognitionTableVersion } from '../application/recognition-table-versions';

function toVersion(stored: RecognitionTableVersion & { shippedUpdateAvailable?: boolean }): evaluationV1.RecognitionTableVersion {
  return {
    tableId: stored.tableId,
    version: stored.version,
    documentJson: JSON.stringify(stored.table),
    uploadedBy: stored.uploadedBy,
    uploadedAt: new Date(stored.uploadedAt).toISOString(),
    shippedUpdateAvailable: stored.shippedUpdateAvailable ?? false,
  };
}

type HeldPartnerGrade = NonNullable<AppliedPartnerGrade['grade']>;

function toPartnerGrade(g: HeldPartnerGrade): evaluationV1.PartnerGrade {
  return {
    subjectId: g.subjectId,
    subjectName: g.subjectName,
    grade: g.grade,
    gradeLabel: g.gradeLabel,
    cycle: g.cycle,
    evaluatedAt: g.evaluatedAt,
    version: g.version,
    status: g.status,
    provenance: { partnerRegion: g.partnerRegion, partnerName: g.partnerName, schemeId: g.schemeId, schemeName: g.schemeName, changeId: g.changeId },
    recognition: { outcome: g.recognitionOutcome, agreement: g.agreement, reason: g.recognitionReason, recognitionTableId: g.recognitionTableId ?? '' },
    equivalent: g.equivalent,
    receivedAt: g.receivedAt,
    updatedAt: g.updatedAt,
    withdrawnAt: g.withdrawnAt ?? '',
    withdrawalReason: g.withdrawalReason ?? '',
  };
}

@Controller()
@evaluationV1.RecognitionServiceControllerMethods()
export class RecognitionGrpcController implements evaluationV1.RecognitionServiceController {
  constructor(
    private readonly listRecognitionTablesHandler: ListRecognitionTablesHandler,
    private readonly recogniseGradeHandler: RecogniseGradeHandler,
    private readonly getRecognitionTableHandler: GetRecognitionTableHandler,
    private readonly putRecognitionTableHandler: PutRecognitionTableHandler,
    private readonly applyPartnerGradeHandler: ApplyPartnerGradeHandler,
    private readonly listPartnerGradesHandler: ListPartnerGradesHandler,
  ) {}

  async listRecognitionTables(_request: evaluationV1.ListRecognitionTablesRequest, metadata?: Metadata): Promise<evaluationV1.ListRecognitionTablesResponse> {
    const versions = await this.listRecognitionTablesHandler.execute(principalFrom(metadata), {});
    return { tablesJson: JSON.stringify(versions.map((v) => v.table)), versions: versions.map(toVersion) };
  }

  recogniseGrade(request: evaluationV1.RecogniseGradeRequest, metadata?: Metadata): Promise<evaluationV1.RecogniseGradeResponse> {
    return this.recogniseGradeHandler.execute(principalFrom(metadata), { tableId: request.tableId, partnerGrade: request.partnerGrade });
  }

  async getRecognitionTable(request: evaluationV1.GetRecognitionTableRequest, metadata?: Metadata): Promise<evaluationV1.GetRecognitionTableResponse> {
    const stored = await this.getRecognitionTableHandler.execute(principalFrom(metadata), { tableId: request.tableId, version: request.version });
    return { table: toVersion(stored) };
  }

  async putRecognitionTable(request: evaluationV1.PutRecognitionTableRequest, metadata?: Metadata): Promise<evaluationV1.PutRecognitionTableResponse> {
    const stored = await this.putRecognitionTableHandler.execute(principalFrom(metadata), {
      id: request.tableId,
      documentJson: request.documentJson,
      basedOnVersion: request.basedOnVersion,
    });
    return { table: toVersion(stored) };
  }

  async applyPartnerGrade(request: evaluationV1.ApplyPartnerGradeRequest, metadata?: Metadata): Promise<evaluationV1.ApplyPartnerGradeResponse> {
    const applied = await this.applyPartnerGradeHandler.execute(principalFrom(metadata), request);
    return { outcome: applied.outcome, grade: applied.grade ? toPartnerGrade(applied.grade) : undefined };
  }

  async listPartnerGrades(request: evaluationV1.ListPartnerGradesRequest, metadata?: Metadata): Promise<evaluationV1.ListPartnerGradesResponse> {
    const grades = await this.listPartnerGradesHandler.execute(principalFrom(metadata), request.subjectId);
    return { grades: grades.map(toPartnerGrade) };
  }
}
