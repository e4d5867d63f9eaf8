import { Module } from '@nestjs/common';
import { EvidenceFilesHandler } from './application/evidence-files.handler';
import { EvidenceGrpcController } from './interface/evidence.grpc.controller';

/** Evidence files of repair applications, stored with the platform's file store (ADR 0076). */
@Module({
  controllers: [EvidenceGrpcController],
  providers: [EvidenceFilesHandler],
})
export class EvidenceModule {}
