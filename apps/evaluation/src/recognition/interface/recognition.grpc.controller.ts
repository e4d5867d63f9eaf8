import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListRecognitionTablesHandler } from '../application/list-recognition-tables.handler';
import { RecogniseGradeHandler } from '../application/recognise-grade.handler';

@Controller()
@evaluationV1.RecognitionServiceControllerMethods()
export class RecognitionGrpcController implements evaluationV1.RecognitionServiceController {
  constructor(
    private readonly listRecognitionTablesHandler: ListRecognitionTablesHandler,
    private readonly recogniseGradeHandler: RecogniseGradeHandler,
  ) {}

  listRecognitionTables(_request: evaluationV1.ListRecognitionTablesRequest, metadata?: Metadata): evaluationV1.ListRecognitionTablesResponse {
    return { tablesJson: JSON.stringify(this.listRecognitionTablesHandler.execute(principalFrom(metadata), {})) };
  }

  recogniseGrade(request: evaluationV1.RecogniseGradeRequest, metadata?: Metadata): evaluationV1.RecogniseGradeResponse {
    return this.recogniseGradeHandler.execute(principalFrom(metadata), { tableId: request.tableId, partnerGrade: request.partnerGrade });
  }
}
