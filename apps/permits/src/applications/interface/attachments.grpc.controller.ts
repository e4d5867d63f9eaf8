import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { permitsV1 } from '@contracts';
import { storedFileInfo } from '@platform/files';
import { principalFrom } from '@platform/grpc';
import { AttachmentFilesHandler } from '../application/attachment-files.handler';

@Controller()
@permitsV1.PermitAttachmentServiceControllerMethods()
export class AttachmentsGrpcController implements permitsV1.PermitAttachmentServiceController {
  constructor(private readonly files: AttachmentFilesHandler) {}

  async uploadAttachment(request: permitsV1.UploadAttachmentRequest, metadata?: Metadata): Promise<permitsV1.UploadAttachmentResponse> {
    return { file: storedFileInfo(await this.files.upload(principalFrom(metadata), request.content)) };
  }

  async getAttachment(request: permitsV1.GetAttachmentRequest, metadata?: Metadata): Promise<permitsV1.GetAttachmentResponse> {
    const file = await this.files.read(principalFrom(metadata), request.sha256);
    return { file: storedFileInfo(file), content: file.content };
  }
}
