import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { parseRegionCode, provinceNameOf } from '@domain/identifiers';
import { DomainError } from '@platform/errors';
import { ApplicationErrorCode } from '../domain/application-errors';
import { maskPlate, validityOn, type PermitValidity } from '../domain/public-permit';
import { ISSUING_AUTHORITIES, issuingAuthorityOf, type IssuingAuthority } from '../domain/issuing-authority';
import { findPermit } from '../infrastructure/permits.repository';
import { ISSUING_AUTHORITY_TABLE } from './applications.tokens';
import type { GetPermitQuery } from './get-permit.query';

/** A permit as anyone may verify it (GET /public/v1/permits/{permitNo}, what the QR code opens). */
export interface PublicPermitView {
  permitNo: string;
  validity: PermitValidity;
  permitClass: string;
  carrier: { uscc: string; name: string };
  vehicle: { tractorPlate: string; trailerPlate: string };
  route: { origin: string; destination: string; provinces: string[]; provinceNames: string[] };
  validFrom: string;
  validUntil: string;
  issuedBy: string;
  /** 许可机关 as a person reads it (the configured issuing authority of the permit's province). */
  issuingAuthority: string;
}

@Injectable()
export class GetPublicPermitHandler {
  private readonly authorities: readonly IssuingAuthority[];

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(ISSUING_AUTHORITY_TABLE) authorities?: readonly IssuingAuthority[],
  ) {
    this.authorities = authorities ?? ISSUING_AUTHORITIES;
  }

  async execute(query: GetPermitQuery, now = new Date()): Promise<PublicPermitView> {
    const permit = await findPermit(this.dataSource.manager, query.permitNo);
    if (!permit) throw DomainError.notFound(ApplicationErrorCode.PermitNotFound, `No permit ${query.permitNo}.`);
    return {
      permitNo: permit.permitNo,
      validity: validityOn(chinaDateOf(now), permit.validFrom, permit.validUntil, permit.revocation !== null),
      permitClass: permit.permitClass,
      carrier: { uscc: permit.carrierUscc, name: permit.carrierName },
      vehicle: {
        tractorPlate: maskPlate(permit.vehicle.tractorPlate),
        trailerPlate: permit.vehicle.trailerPlate ? maskPlate(permit.vehicle.trailerPlate) : '',
      },
      route: {
        origin: permit.route.origin,
        destination: permit.route.destination,
        provinces: permit.route.provinces,
        provinceNames: permit.route.provinces.map(provinceName),
      },
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      issuedBy: permit.region,
      issuingAuthority: issuingAuthorityOf(this.authorities, permit.region)?.name ?? '',
    };
  }
}

/** A stored province code's name (GB/T 2260); the code itself if it does not parse. */
function provinceName(code: string): string {
  const parsed = parseRegionCode(code);
  return parsed.ok ? provinceNameOf(parsed.value) : code;
}
