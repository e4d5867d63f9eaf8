import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { RefreshSectorsJob } from './application/refresh-sectors.job';
import { ApplyLicenceRecordHandler } from './application/apply-licence-record.handler';
import { GetRegistrationHandler } from './application/get-registration.handler';
import { ImportRegistrationsHandler } from './application/import-registrations.handler';
import { ListCarrierSubjectsHandler } from './application/list-carrier-subjects.handler';
import { PutRegistrationHandler } from './application/put-registration.handler';
import { RegistryWriter } from './application/registry-writer';
import { LicenceRecordsConsumer } from './interface/licence-records.consumer';
import { RegistryGrpcController } from './interface/registry.grpc.controller';

/**
 * The subject registry (主体库, ADR 0042): enterprises (with licences and sectors), vehicles,
 * drivers and vessels, written through the API, imports and licence records, announced as
 * `credit.registry.<kind>s.changed`. See README.md beside this file.
 */
@Module({
  imports: [SchedulingModule],
  controllers: [RegistryGrpcController],
  providers: [
    RegistryWriter,
    PutRegistrationHandler,
    GetRegistrationHandler,
    ListCarrierSubjectsHandler,
    ImportRegistrationsHandler,
    ApplyLicenceRecordHandler,
    LicenceRecordsConsumer,
    RefreshSectorsJob,
  ],
})
export class RegistryModule {}
