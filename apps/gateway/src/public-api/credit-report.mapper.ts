import { disclosureV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /public/v1/reports/{code}: who, when, what the report showed (the profile as JSON), its hash. */
export interface VerifiedCreditReportBody extends Omit<disclosureV1.VerifyCreditReportResponse, 'profileJson'> {
  profile: JsonValue;
}

export function toVerifiedCreditReportBody({ profileJson, ...verified }: disclosureV1.VerifyCreditReportResponse): VerifiedCreditReportBody {
  return { ...verified, profile: parseJson(profileJson) };
}
