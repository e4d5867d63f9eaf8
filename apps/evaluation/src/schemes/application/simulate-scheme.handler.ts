import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { CompiledScheme } from '../../engine/domain/compile-scheme';
import type { EvaluationResult, ListMembership } from '../../engine/domain/evaluate';
import { SubjectOutcome, summariseSimulation } from '../../engine/domain/simulation';
import { applicableRegion, previousCycleOf, regionPatterns, standingAt, type ClosedPrevious } from '../../engine/domain/standing';
import { closedPreviousOf, SubjectFactsReader, SubjectHistory } from '../../standing/application/subject-facts.reader';
import { SchemeRegistry } from './scheme-registry';
import { assertSchemeRegions, compileUploadedScheme } from './scheme-upload';
import { SimulateSchemeQuery, SimulationView } from './simulate-scheme.query';

const PAGE = 1000;
const SAMPLE = 20;

/**
 * What-if (issue 4 item 7): grades every subject in the scope of the draft or of the active
 * version, now, under both, from the same records, and reports how many would change grade,
 * in which direction, with a sample and the draft's explanations. Nothing is stored: the draft
 * is compiled (and refused exactly like an upload) but never saved by this call.
 */
@Injectable()
export class SimulateSchemeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
  ) {}

  async execute(principal: Principal, { id: schemeId, documentJson }: SimulateSchemeQuery, now = new Date()): Promise<SimulationView> {
    assertScope(principal, Scopes.Admin);
    const draft = compileUploadedScheme(schemeId, documentJson);
    assertSchemeRegions(principal, draft.document);
    const manager = this.dataSource.manager;
    const active = (await this.registry.activeAt(manager)).find((s) => s.schemeId === schemeId);
    const schemes = [draft, ...(active ? [active.compiled] : [])];
    const scope = {
      kinds: [...new Set(schemes.flatMap((s) => s.document.subjectKinds))],
      regionPatterns: [...new Set(schemes.flatMap((s) => regionPatterns(s.document)))],
      registeredSubjects: schemes.some((s) => s.document.gradesRegisteredSubjects === true),
    };
    const outcomes: SubjectOutcome[] = [];
    for (let after = ''; ;) {
      const page = await SubjectFactsReader.subjectsInScope(manager, scope, after, PAGE);
      const histories = await SubjectFactsReader.histories(manager, page);
      const lists = await SubjectFactsReader.membershipsAt(manager, page, now);
      // The previous cycle as its close gave it (carry-over), as standings read it; the draft's cycle may differ.
      const closedFor = (scheme: CompiledScheme) =>
        SubjectFactsReader.closedCycleGrades(manager, [{ schemeId, period: previousCycleOf(scheme, now).label }], page, now);
      const closedDraft = await closedFor(draft);
      const closedActive = active ? await closedFor(active.compiled) : closedDraft;
      for (const history of histories.values()) {
        const entries = lists.get(history.subjectId) ?? [];
        outcomes.push({
          subjectId: history.subjectId,
          before: active ? grade(active.compiled, history, entries, now, closedPreviousOf(closedActive, schemeId, history.subjectId)) : undefined,
          after: grade(draft, history, entries, now, closedPreviousOf(closedDraft, schemeId, history.subjectId)),
        });
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!;
    }
    // Ranks compare only on the same grades (an own ladder may keep its id and change its grades, ADR 0050).
    const sameLadder = !active || active.compiled.grades.join('\n') === draft.grades.join('\n');
    const summary = summariseSimulation(
      outcomes.filter((o) => o.before || o.after),
      draft.grades,
      sameLadder,
      SAMPLE,
    );
    return { schemeId, activeVersion: active?.version ?? 0, evaluatedAt: now.toISOString(), ...summary };
  }
}

function grade(
  scheme: CompiledScheme,
  history: SubjectHistory,
  listEntries: ListMembership[],
  at: Date,
  closedPrevious: ClosedPrevious | undefined,
): EvaluationResult | undefined {
  const region = applicableRegion(scheme.document, history.kind, history.records, history.registration);
  if (!region) return undefined;
  const subject = { id: history.subjectId, kind: history.kind, region, lists: [], listEntries, registration: history.registration };
  return standingAt(scheme, subject, history.records, at, undefined, closedPrevious);
}
