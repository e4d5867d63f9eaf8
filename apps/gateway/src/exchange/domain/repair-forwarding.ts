/**
 * What the repair forwarder does with the deciding partner's HTTP answer (ADR 0084), as data so it
 * can be tested alone. A send (POST /exchange/v1/repair-applications) the partner accepted gives its
 * id; a refusal with a code (the record is not the partner's, the application is ineligible there,
 * outside its agreement, a field) is the partner's decision: the application is rejected with the
 * code and reason. An answer check (GET .../{id}) gives the decision once there is one. Anything
 * else (down, 5xx, our token refused, throttled, not the shape of its exchange API) is retried
 * with backoff: nothing is decided on a failure of transport or configuration.
 */
export type ForwardStep =
  | { kind: 'sent'; partnerApplicationId: string }
  | { kind: 'waiting' }
  | { kind: 'decided'; outcome: 'approved' | 'rejected'; reason: string; decidedBy: string; decidedAt: string }
  | { kind: 'still-approved' }
  | { kind: 'revoked'; reason: string; revokedBy: string; revokedAt: string }
  | { kind: 'retry'; failure: string };

/** An application repair says is due: to send, to ask the answer of, or (approved) to ask whether the partner revoked it. */
export interface DueForward {
  applicationId: string;
  /** forwarded | approved (watched for a revocation, ADR 0088) */
  status: string;
  /** record | list-entry; empty from a repair that predates list entries: record */
  targetKind: string;
  target: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string;
  commitment: string;
  evidence: string[];
  partnerApplicationId: string;
}

interface PartnerAnswer {
  status: number;
  body: unknown;
}

/** Refusals that are the deciding province's word on the application, not a fault to retry. */
const DECISIVE_REFUSALS = new Set([400, 404, 409, 422]);

export function afterSend(answer: PartnerAnswer): ForwardStep {
  const body = (answer.body ?? {}) as { id?: unknown };
  if ((answer.status === 201 || answer.status === 200) && typeof body.id === 'string' && body.id !== '') {
    return { kind: 'sent', partnerApplicationId: body.id };
  }
  return refusal(answer, DECISIVE_REFUSALS) ?? { kind: 'retry', failure: `POST /exchange/v1/repair-applications answered ${answer.status}${describe(body)}` };
}

/** The partner's refusal with a code, for the statuses that are its word: the application rejected naming the code. */
function refusal(answer: PartnerAnswer, decisive: ReadonlySet<number>): ForwardStep | null {
  const body = (answer.body ?? {}) as { code?: unknown; detail?: unknown };
  if (!decisive.has(answer.status) || typeof body.code !== 'string') return null;
  const detail = typeof body.detail === 'string' ? `: ${body.detail}` : '';
  return {
    kind: 'decided',
    outcome: 'rejected',
    reason: `refused by the deciding province (${body.code})${detail}`.slice(0, 2000),
    decidedBy: 'exchange',
    decidedAt: '',
  };
}

export function afterCheck(answer: PartnerAnswer): ForwardStep {
  const body = (answer.body ?? {}) as { status?: unknown; decision?: { outcome?: unknown; reason?: unknown; decidedBy?: unknown; decidedAt?: unknown } };
  if (answer.status !== 200 || typeof body.status !== 'string')
    return { kind: 'retry', failure: `GET /exchange/v1/repair-applications answered ${answer.status}${describe(body)}` };
  if (body.status === 'pending') return { kind: 'waiting' };
  const outcome = body.decision?.outcome;
  if ((body.status === 'approved' || body.status === 'rejected' || body.status === 'revoked') && (outcome === 'approved' || outcome === 'rejected')) {
    return {
      kind: 'decided',
      outcome,
      reason: typeof body.decision?.reason === 'string' && body.decision.reason !== '' ? body.decision.reason : '(no reason given)',
      decidedBy: typeof body.decision?.decidedBy === 'string' ? body.decision.decidedBy : '',
      decidedAt: typeof body.decision?.decidedAt === 'string' ? body.decision.decidedAt : '',
    };
  }
  return { kind: 'retry', failure: `GET /exchange/v1/repair-applications: unexpected status ${body.status}` };
}

/**
 * What the forwarder does with the partner's answer about an approval it gave, watched for its
 * revocation (ADR 0088): `revoked` (its commitment was false) is revoked here too, with the
 * partner's reason and client; still `approved` is asked again later; anything else (down, 404,
 * another shape) is retried with backoff — an approval is never revoked on a failure.
 */
export function afterWatch(answer: PartnerAnswer): ForwardStep {
  const body = (answer.body ?? {}) as { status?: unknown; revocation?: { reason?: unknown; revokedBy?: unknown; revokedAt?: unknown } };
  if (answer.status !== 200 || typeof body.status !== 'string')
    return { kind: 'retry', failure: `GET /exchange/v1/repair-applications answered ${answer.status}${describe(body)}` };
  if (body.status === 'approved') return { kind: 'still-approved' };
  if (body.status === 'revoked') {
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    return {
      kind: 'revoked',
      reason: text(body.revocation?.reason) || '(no reason given)',
      revokedBy: text(body.revocation?.revokedBy),
      revokedAt: text(body.revocation?.revokedAt),
    };
  }
  return { kind: 'retry', failure: `GET /exchange/v1/repair-applications: an approval answered status ${body.status}` };
}

/** The evidence files an application names (`sha256:<hex>`, ADR 0076): sent to the partner before the application (ADR 0088). */
export function evidenceFilesOf(evidence: readonly string[]): string[] {
  return evidence.filter((ref) => ref.startsWith('sha256:')).map((ref) => ref.slice('sha256:'.length));
}

/**
 * What the forwarder does with the partner's answer to an evidence upload (POST
 * /exchange/v1/repair-evidence, ADR 0088): null when the partner holds the file under the same
 * SHA-256 (the application may name it); a refusal with a code (the file's type or size) is the
 * deciding province's word, as a refused send is; anything else is retried.
 */
export function afterUpload(answer: PartnerAnswer, sha256: string): ForwardStep | null {
  const body = (answer.body ?? {}) as { sha256?: unknown };
  if ((answer.status === 201 || answer.status === 200) && body.sha256 === sha256) return null;
  return (
    refusal(answer, DECISIVE_UPLOAD_REFUSALS) ?? { kind: 'retry', failure: `POST /exchange/v1/repair-evidence answered ${answer.status}${describe(body)}` }
  );
}

/** An upload refused for the file itself (empty, type, size) or the request: the partner's word, as DECISIVE_REFUSALS. */
const DECISIVE_UPLOAD_REFUSALS = new Set([...DECISIVE_REFUSALS, 413, 415]);

function describe(body: unknown): string {
  const problem = body as { code?: unknown } | null;
  return problem && typeof problem.code === 'string' ? ` ${problem.code}` : '';
}
