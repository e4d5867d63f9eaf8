import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { ListEntriesHttpController } from './list-entries.http.controller';
import { InspectionDrawsHttpController } from './inspection-draws.http.controller';
import { MeasuresReportHttpController } from './measures-report.http.controller';

/** Credit lists, entry rules, fleet sizes, inspection draws and the measures report (joint measures) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const MEASURES_TWINS: RestTwinService = {
  service: 'MeasuresGatewayService',
  twins: [
    { rpc: 'ListSubjectListEntries', controller: ListEntriesHttpController, handler: 'ofSubject' },
    { rpc: 'ProposeListEntry', controller: ListEntriesHttpController, handler: 'propose' },
    { rpc: 'DecideListEntry', controller: ListEntriesHttpController, handler: 'decide' },
    { rpc: 'ReportFleetSize', controller: ListEntriesHttpController, handler: 'reportFleet' },
    { rpc: 'GetEntryRules', controller: ListEntriesHttpController, handler: 'rules' },
    { rpc: 'ScreenSubjects', controller: ListEntriesHttpController, handler: 'screen' },
    { rpc: 'DrawInspections', controller: InspectionDrawsHttpController, handler: 'draw' },
    { rpc: 'GetMeasuresApplied', controller: MeasuresReportHttpController, handler: 'measuresApplied' },
  ],
};

@Controller()
export class MeasuresTwinsGrpcController extends restTwinController(MEASURES_TWINS) {}
