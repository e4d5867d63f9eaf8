import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { EvaluationSchemesHttpController } from './evaluation-schemes.http.controller';
import { SubjectEvaluationsHttpController } from './subject-evaluations.http.controller';
import { SubjectPartnerGradesHttpController } from './subject-partner-grades.http.controller';
import { EvaluationCyclesHttpController } from './evaluation-cycles.http.controller';
import { RankingsHttpController } from './rankings.http.controller';
import { GradeRecognitionsHttpController } from './grade-recognitions.http.controller';
import { GradeAppealsHttpController } from './grade-appeals.http.controller';

/** Evaluation schemes, grades, cycles, rankings, grade recognition and grade appeals (evaluation) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const EVALUATION_TWINS: RestTwinService = {
  service: 'EvaluationGatewayService',
  twins: [
    { rpc: 'ListSchemes', controller: EvaluationSchemesHttpController, handler: 'list' },
    { rpc: 'GetScheme', controller: EvaluationSchemesHttpController, handler: 'get' },
    { rpc: 'ListSubjectEvaluations', controller: SubjectEvaluationsHttpController, handler: 'list' },
    { rpc: 'ListSubjectPartnerGrades', controller: SubjectPartnerGradesHttpController, handler: 'list' },
    { rpc: 'GetCycle', controller: EvaluationCyclesHttpController, handler: 'get' },
    { rpc: 'ListCycleRankings', controller: EvaluationCyclesHttpController, handler: 'rankings' },
    { rpc: 'ListRankings', controller: RankingsHttpController, handler: 'rankings' },
    { rpc: 'ListGradeRecognitions', controller: GradeRecognitionsHttpController, handler: 'list' },
    { rpc: 'RecogniseGrade', controller: GradeRecognitionsHttpController, handler: 'recognise' },
    { rpc: 'OpenGradeAppeal', controller: GradeAppealsHttpController, handler: 'open' },
    { rpc: 'GetGradeAppeal', controller: GradeAppealsHttpController, handler: 'get' },
  ],
};

@Controller()
export class EvaluationGatewayGrpcController extends restTwinController(EVALUATION_TWINS) {}
