import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import { ApplicationErrorCode } from '../domain/application-errors';
import { maskPlate, validityOn, type PermitValidity } from '../domain/public-permit';
import { findPermit } from '../infrastructure/permits.repository';
import type { GetPermitQuery } from './get-permit.query';

/** A permit as anyone may verify it (GET /public/v1/permits/{permitNo}, what the QR code opens). */
export interface PublicPermitView {
  permitNo: string;
  validity: PermitValidity;
  permitClass: string;
  carrier: { uscc: string; name: string };
  vehicle: { tractorPlate: string; trailerPlate: string };
  route: { origin: string; destination: string; provinces: string[] };
  validFrom: string;
  validUntil: string;
  issuedBy: string;
}

@Injectable()
export class GetPublicPermitHandler {
  constructor(private readonly dataSource: DataSource) {}

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
      route: permit.route,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      issuedBy: permit.region,
    };
  }
}
