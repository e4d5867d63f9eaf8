import { chinaDateOf } from '@domain/calendar';
import { isOverdue } from '../domain/objection';
import { ObjectionEntity } from '../infrastructure/objection.entity';

/** An objection as the application answers it, with `overdue` computed for today (China time). */
export interface ObjectionView {
  id: string;
  recordId: string;
  status: string;
  reason: string;
  objector: { name: string; contact: string };
  openedBy: string;
  openedAt: string;
  dueOn: string;
  overdue: boolean;
  /** '' while open. */
  outcome: string;
  note: string;
  resolvedBy: string;
  resolvedAt: string;
}

export function toObjectionView(o: ObjectionEntity, now = new Date()): ObjectionView {
  const resolvedOn = o.resolvedAt ? chinaDateOf(o.resolvedAt) : null;
  return {
    id: o.id,
    recordId: o.recordId,
    status: o.status,
    reason: o.reason,
    objector: o.objector,
    openedBy: o.openedBy,
    openedAt: o.openedAt.toISOString(),
    dueOn: o.dueOn,
    overdue: isOverdue({ status: o.status, dueOn: o.dueOn, resolvedOn }, chinaDateOf(now)),
    outcome: o.outcome ?? '',
    note: o.note ?? '',
    resolvedBy: o.resolvedBy ?? '',
    resolvedAt: o.resolvedAt?.toISOString() ?? '',
  };
}
