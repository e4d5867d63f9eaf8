import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { RecognitionTables } from '../application/recognition-tables';

@Controller()
@evaluationV1.RecognitionServiceControllerMethods()
export class RecognitionGrpcController implements evaluationV1.RecognitionServiceController {
  constructor(private readonly tables: RecognitionTables) {}

  listRecognitionTables(_request: evaluationV1.ListRecognitionTablesRequest, metadata?: Metadata): evaluationV1.ListRecognitionTablesResponse {
    return { tablesJson: JSON.stringify(this.tables.list(principalFrom(metadata))) };
  }

  recogniseGrade(request: evaluationV1.RecogniseGradeRequest, metadata?: Metadata): evaluationV1.RecogniseGradeResponse {
    return this.tables.recognise(principalFrom(metadata), request.tableId, request.partnerGrade);
  }
}
