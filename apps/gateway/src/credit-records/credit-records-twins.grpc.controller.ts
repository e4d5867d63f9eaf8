import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { CreditRecordsHttpController } from './credit-records.http.controller';
import { ObjectionsHttpController } from './objections.http.controller';
import { CollectionQualityHttpController } from './collection-quality.http.controller';
import { MonitoringViolationsHttpController } from './monitoring-violations.http.controller';
import { CatalogueHttpController } from './catalogue.http.controller';

/** Credit records, objections, monitoring violations, collection quality and the catalogue (collection) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const CREDIT_RECORDS_TWINS: RestTwinService = {
  service: 'CreditRecordsGatewayService',
  twins: [
    { rpc: 'ListRecords', controller: CreditRecordsHttpController, handler: 'list' },
    { rpc: 'GetRecord', controller: CreditRecordsHttpController, handler: 'get' },
    { rpc: 'RevokeRecord', controller: CreditRecordsHttpController, handler: 'revoke' },
    { rpc: 'SubmitBatch', controller: CreditRecordsHttpController, handler: 'submitBatch' },
    { rpc: 'GetBatch', controller: CreditRecordsHttpController, handler: 'batch' },
    { rpc: 'OpenObjection', controller: CreditRecordsHttpController, handler: 'object' },
    { rpc: 'GetObjection', controller: ObjectionsHttpController, handler: 'get' },
    { rpc: 'ResolveObjection', controller: ObjectionsHttpController, handler: 'resolve' },
    { rpc: 'GetCollectionQuality', controller: CollectionQualityHttpController, handler: 'quality' },
    { rpc: 'ListMonitoringViolations', controller: MonitoringViolationsHttpController, handler: 'list' },
    { rpc: 'ClaimMonitoringViolation', controller: MonitoringViolationsHttpController, handler: 'claim' },
    { rpc: 'DisposeMonitoringViolation', controller: MonitoringViolationsHttpController, handler: 'dispose' },
    { rpc: 'ListRecordTypes', controller: CatalogueHttpController, handler: 'recordTypes' },
  ],
};

@Controller()
export class CreditRecordsTwinsGrpcController extends restTwinController(CREDIT_RECORDS_TWINS) {}
