import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { assertSender } from '../domain/sender';
import { Upstreams } from '../../upstreams';
import { RecognitionAgreements } from './recognition-agreements';

type ListEntries = Upstreams['listEntries'];
type Answer<M extends keyof ListEntries> = Awaited<ReturnType<ListEntries[M]>>;

/** A partner's list entry as it arrives, pushed (`POST /exchange/v1/list-entries`) or pulled from its feed. */
export interface PartnerEntryImport {
  listType: string;
  subject: { kind: string; id: string; name: string };
  region?: string;
  grounds?: string;
  provenance: { partnerRegion: string; partnerName: string; sourceReference: string; decidedOn: string; documentNumber?: string };
  startsOn: string;
  endsOn?: string;
  /** The partner's version of the entry (its feed's `entry.version`, a push's `version`); absent: none. */
  version?: number;
}

/**
 * The one path a partner's list entry takes into this province (ADR 0067), whether the partner
 * pushed it or the puller read it from its feed (ADR 0080): the sender speaks for its own region
 * only, the recognition agreement with it decides whether the entry applies, joint measures stores
 * it with its provenance (idempotent on the partner's reference; a newer `version` updates the
 * entry held, ADR 0087) or withdraws it.
 */
@Injectable()
export class PartnerEntryImports {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly agreements: RecognitionAgreements,
  ) {}

  async import(sender: Principal, entry: PartnerEntryImport): Promise<Answer<'importPartnerEntry'>> {
    assertSender(sender, entry.provenance.partnerRegion, 'provenance.partnerRegion');
    if (entry.region) assertSender(sender, entry.region, 'region');
    const recognition = this.agreements.recognitionOf(sender.region, { listType: entry.listType, subject: entry.subject });
    return this.upstreams.listEntries.importPartnerEntry(
      {
        listType: entry.listType,
        subject: { kind: entry.subject.kind, id: entry.subject.id, name: entry.subject.name },
        region: entry.region ?? '',
        grounds: entry.grounds ?? '',
        provenance: { ...entry.provenance },
        startsOn: entry.startsOn,
        endsOn: entry.endsOn ?? '',
        recognition,
        sourceVersion: entry.version ?? 0,
      },
      { principal: sender },
    );
  }

  /** The sender's entry with its reference, if it was ever stored here. */
  async ofReference(sender: Principal, sourceReference: string): Promise<Answer<'listPartnerEntries'>['entries'][number] | undefined> {
    const result = await this.upstreams.listEntries.listPartnerEntries({ entryId: '', state: '', sourceReference }, { principal: sender });
    return result.entries[0];
  }

  async withdraw(sender: Principal, entryId: string, reason = ''): Promise<Answer<'withdrawPartnerEntry'>> {
    return this.upstreams.listEntries.withdrawPartnerEntry({ entryId, reason }, { principal: sender });
  }
}
