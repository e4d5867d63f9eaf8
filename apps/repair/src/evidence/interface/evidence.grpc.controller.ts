import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { repairV1 } from '@contracts';
import { storedFileInfo } from '@platform/files';
import { principalFrom } from '@platform/grpc';
import { EvidenceFilesHandler } from '../application/evidence-files.handler';

@Controller()
@repairV1.RepairEvidenceServiceControllerMethods()
export class EvidenceGrpcController implements repairV1.RepairEvidenceServiceController {
  constructor(private readonly files: EvidenceFilesHandler) {}

  async uploadEvidence(request: repairV1.UploadEvidenceRequest, metadata?: Metadata): Promise<repairV1.UploadEvidenceResponse> {
    return { file: storedFileInfo(await this.files.upload(principalFrom(metadata), request.content)) };
  }

  async getEvidence(request: repairV1.GetEvidenceRequest, metadata?: Metadata): Promise<repairV1.GetEvidenceResponse> {
    const file = await this.files.read(principalFrom(metadata), request.sha256);
    return { file: storedFileInfo(file), content: file.content };
  }

  async uploadPartnerEvidence(request: repairV1.UploadEvidenceRequest, metadata?: Metadata): Promise<repairV1.UploadEvidenceResponse> {
    return { file: storedFileInfo(await this.files.uploadFromPartner(principalFrom(metadata), request.content)) };
  }

  async getForwardEvidence(request: repairV1.GetEvidenceRequest, metadata?: Metadata): Promise<repairV1.GetEvidenceResponse> {
    const file = await this.files.readToForward(principalFrom(metadata), request.sha256);
    return { file: storedFileInfo(file), content: file.content };
  }
}
