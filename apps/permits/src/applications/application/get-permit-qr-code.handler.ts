import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { ApplicationErrorCode } from '../domain/application-errors';
import { permitVerificationUrl, QR_FORMATS, qrFormatOf } from '../domain/permit-qr-code';
import { findPermit } from '../infrastructure/permits.repository';

export interface GetPermitQrCodeQuery {
  permitNo: string;
  /** svg (default) | png */
  format: string;
}

export interface PermitQrCode {
  mediaType: string;
  content: Buffer;
  verificationUrl: string;
}

/** Error correction M (15 %): a printed permit survives a fold or a stain. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * A permit's QR code (GET /public/v1/permits/{permitNo}/qr): the public verification URL on
 * PUBLIC_BASE_URL, drawn by the `qrcode` library as SVG or PNG; 404 for an unknown permit.
 */
@Injectable()
export class GetPermitQrCodeHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<PermitsConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  async execute(query: GetPermitQrCodeQuery): Promise<PermitQrCode> {
    const format = qrFormatOf(query.format);
    if (!format) throw DomainError.validation(ApplicationErrorCode.InvalidPermitQuery, [{ field: 'format', message: 'svg or png' }]);
    const permit = await findPermit(this.dataSource.manager, query.permitNo);
    if (!permit) throw DomainError.notFound(ApplicationErrorCode.PermitNotFound, `No permit ${query.permitNo}.`);
    const verificationUrl = permitVerificationUrl(this.config.PUBLIC_BASE_URL, permit.permitNo);
    const content =
      format === 'png'
        ? await QRCode.toBuffer(verificationUrl, { ...QR_OPTIONS, type: 'png', width: 300 })
        : Buffer.from(await QRCode.toString(verificationUrl, { ...QR_OPTIONS, type: 'svg' }), 'utf8');
    return { mediaType: QR_FORMATS[format], content, verificationUrl };
  }
}
