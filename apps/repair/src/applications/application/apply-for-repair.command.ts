import type { RepairApplicationView } from './repair-application.view';

export interface ApplyForRepairCommand {
  recordId: string;
  commitment: string;
  evidence: string[];
  idempotencyKey?: string;
}

export interface RepairApplicationWriteResult {
  application: RepairApplicationView;
  replayed: boolean;
}
