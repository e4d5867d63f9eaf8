import { chinaDateOf } from '@domain/calendar';
import type { collectionV1 } from '@contracts';
import { isOverdue } from '../domain/objection';
import { ObjectionEntity } from '../infrastructure/objection.entity';

/** The wire form of an objection, with `overdue` computed for today (China time). */
export function toObjectionMessage(o: ObjectionEntity, now = new Date()): collectionV1.Objection {
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
