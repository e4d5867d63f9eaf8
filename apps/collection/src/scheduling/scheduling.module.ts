import { Module } from '@nestjs/common';
import { JobScheduler } from './application/job-scheduler';
import { systemClock } from './domain/clock';
import { CLOCK } from './application/scheduling.tokens';

/** The one periodic-job mechanism of collection (commitments, licences, publicity) and its clock. */
@Module({
  providers: [JobScheduler, { provide: CLOCK, useValue: systemClock }],
  exports: [JobScheduler, CLOCK],
})
export class SchedulingModule {}
