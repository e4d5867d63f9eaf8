import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { gradeLabelZh } from '@domain/credit';
import { parseUscc, regionName, usccRegistrationRegion } from '@domain/identifiers';
import { DomainError } from '@platform/errors';
import type { PublicListEntryView } from '../../lists/application/get-public-list.query';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import { ProfileErrorCode } from '../domain/profile-errors';
import { PUBLISHED_SECTIONS } from '../domain/publication';
import { PublicRecordEntity } from '../infrastructure/public-record.entity';
import { PublicSubjectEntity } from '../infrastructure/public-subject.entity';
import { GetSubjectProfileQuery, PublishedGrade, PublishedItem, PublishedItemStatus, RecordRepair, SubjectProfile } from './get-subject-profile.query';

/** The public profile as of now: only items inside their publicity window. */
@Injectable()
export class GetSubjectProfileHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: SubjectListMemberships,
  ) {}

  async execute({ uscc: rawUscc }: GetSubjectProfileQuery, now = new Date()): Promise<SubjectProfile> {
    const uscc = parseUscc(rawUscc);
    if (!uscc.ok) throw DomainError.validation(ProfileErrorCode.InvalidUscc, [{ field: 'uscc', message: uscc.message, code: `USCC_${uscc.reason}` }]);
    // The sections are independent reads: one round trip's wait, not five.
    const [subject, records, grades, lists, repairs] = await Promise.all([
      this.dataSource.getRepository(PublicSubjectEntity).findOneBy({ uscc: uscc.value }),
      this.dataSource.getRepository(PublicRecordEntity).find({
        where: { uscc: uscc.value, publishedFrom: LessThanOrEqual(now), publishedUntil: MoreThan(now), withdrawnAt: IsNull() },
        order: { decisionDate: 'DESC' },
      }),
      this.dataSource.query<GradeRow[]>(
        `SELECT scheme_id, scheme_version, grade, tier, score, cycle_label, evaluated_at, scheme_name, scheme_name_en FROM public_grades WHERE uscc = $1 AND withdrawn_at IS NULL ORDER BY scheme_id`,
        [uscc.value],
      ),
      this.lists.of(uscc.value, now),
      this.dataSource.query<RepairRow[]>(
        `SELECT record_id, to_char(earliest_repair_date, 'YYYY-MM-DD') AS earliest_date, mode, mode_basis FROM public_repair_notices WHERE uscc = $1`,
        [uscc.value],
      ),
    ]);
    const repairOf = new Map(repairs.map((r) => [r.record_id, { earliestDate: r.earliest_date, mode: r.mode, modeBasis: r.mode_basis }]));
    // An enterprise on a published list only (e.g. through a partner province's entry, seed 004) has
    // no record here, but the list links to its profile: it is named as the list names it.
    const identity = subject ?? listedIdentity(lists);
    if (!identity) throw DomainError.notFound(ProfileErrorCode.SubjectNotFound, `No public information about ${uscc.value}.`);
    const items = records.map((r) => ({ section: PUBLISHED_SECTIONS[r.recordType], item: toItem(r, repairOf.get(r.recordId)) }));
    // Where the enterprise is registered (its USCC, GB 32100-2015); one registered nationally: where its records are.
    const region = usccRegistrationRegion(uscc.value) ?? identity.region;
    return {
      uscc: uscc.value,
      name: identity.name,
      region,
      regionName: regionName(region) ?? '',
      penalties: items.filter((i) => i.section === 'penalties').map((i) => i.item),
      licences: items.filter((i) => i.section === 'licences').map((i) => i.item),
      commitments: items.filter((i) => i.section === 'commitments').map((i) => i.item),
      grades: grades.map(toGrade),
      lists,
      asOf: now.toISOString(),
    };
  }
}

/** Name and region of an enterprise as the newest list entry about it states them. */
function listedIdentity(lists: PublicListEntryView[]): { name: string; region: string } | undefined {
  const entry = lists.find((l) => l.subject.kind === 'org');
  return entry && { name: entry.subject.name, region: entry.region };
}

interface GradeRow {
  scheme_id: string;
  scheme_version: number;
  grade: string;
  tier: string | null;
  score: string;
  cycle_label: string;
  evaluated_at: Date;
  scheme_name: string | null;
  scheme_name_en: string | null;
}

function toGrade(g: GradeRow): PublishedGrade {
  return {
    schemeId: g.scheme_id,
    schemeVersion: g.scheme_version,
    schemeName: g.scheme_name ?? g.scheme_id,
    schemeNameEn: g.scheme_name_en ?? g.scheme_id,
    grade: g.grade,
    gradeLabel: gradeLabelZh(g.grade),
    tier: g.tier ?? '',
    score: Number(g.score),
    cycle: g.cycle_label,
    evaluatedAt: g.evaluated_at.toISOString(),
  };
}

interface RepairRow {
  record_id: string;
  earliest_date: string;
  mode: string;
  mode_basis: string;
}

function toItem(record: PublicRecordEntity, repair: RecordRepair | undefined): PublishedItem {
  return {
    recordType: record.recordType,
    documentNumber: record.documentNumber,
    decisionDate: record.decisionDate,
    severity: record.severity,
    summary: record.summary,
    publishedFrom: record.publishedFrom.toISOString(),
    publishedUntil: record.publishedUntil.toISOString(),
    publicationId: record.publicationId,
    status: itemStatus(record),
    ...(repair && { repair }),
    ...(record.partnerRegion && { partner: { region: record.partnerRegion, name: regionName(record.partnerRegion) ?? record.partnerRegion } }),
  };
}

/** An open objection is what a reader most needs to know; otherwise whether it was corrected. */
function itemStatus(record: PublicRecordEntity): PublishedItemStatus {
  if (record.underObjection) return 'under-objection';
  return record.corrected ? 'corrected' : 'in-force';
}
