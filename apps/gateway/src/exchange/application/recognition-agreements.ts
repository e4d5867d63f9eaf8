import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import {
  gradeRecognitionOf,
  recognitionAgreementsSchema,
  listEntryRepairAcceptanceOf,
  recognitionOf,
  recordAcceptanceOf,
  type GradeRecognition,
  type Recognition,
  type RecognitionAgreement,
  type RecordAcceptance,
} from '../domain/recognition-agreement';
import { SHIPPED_AGREEMENTS } from '../domain/shipped-agreements';

/**
 * The recognition agreements in force (ADR 0067): the file GATEWAY_EXCHANGE_AGREEMENTS_FILE names,
 * or the shipped ones. Checked once at boot: a bad file stops the gateway with a message naming
 * the file and each problem's path (configuration that names other configuration is checked at load).
 */
@Injectable()
export class RecognitionAgreements {
  readonly all: readonly RecognitionAgreement[];

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.all = loadAgreements(config.GATEWAY_EXCHANGE_AGREEMENTS_FILE);
  }

  recognitionOf(sender: string, entry: { listType: string; subject: { kind: string; id: string } }): Recognition {
    return recognitionOf(this.all, sender, entry);
  }

  recordAcceptanceOf(sender: string, subject: { kind: string; id: string }): RecordAcceptance {
    return recordAcceptanceOf(this.all, sender, subject);
  }

  gradeRecognitionOf(sender: string, grade: { schemeId: string; subject: { kind: string; id: string } }): GradeRecognition {
    return gradeRecognitionOf(this.all, sender, grade);
  }

  listEntryRepairAcceptanceOf(sender: string): RecordAcceptance {
    return listEntryRepairAcceptanceOf(this.all, sender);
  }
}

export function loadAgreements(file: string | undefined): readonly RecognitionAgreement[] {
  if (!file) return SHIPPED_AGREEMENTS;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`GATEWAY_EXCHANGE_AGREEMENTS_FILE ${file}: ${(error as Error).message}`);
  }
  const parsed = recognitionAgreementsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`GATEWAY_EXCHANGE_AGREEMENTS_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
