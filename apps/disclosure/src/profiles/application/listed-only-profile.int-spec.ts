import { DataSource } from 'typeorm';
import { cloneTestDatabase, listEntryEffectiveEvent, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { ProjectListEntryHandler } from '../../lists/application/project-list-entry.handler';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import { PublicationLog } from '../../publication-log/application/publication-log';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { ProfileErrorCode } from '../domain/profile-errors';
import { GetSubjectProfileHandler } from './get-subject-profile.handler';

/**
 * Issue 21: every subject a published list links to has a profile — including one that is on a
 * list only through a partner's entry (seed 004: 苏州、无锡、常州、南通 share key-watch lists), whose
 * profile and report used to answer 404. The partner's provenance travels with the entry.
 */
describe('the profile of an enterprise known only from a published list (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let lists: ProjectListEntryHandler;
  let profiles: GetSubjectProfileHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('listed_only');
    dataSource = await db.dataSource(disclosureDefinition);
    const changes = { touch: async () => undefined } as unknown as ProfileChangesPort;
    lists = new ProjectListEntryHandler(new PublicationLog(dataSource, changes));
    profiles = new GetSubjectProfileHandler(dataSource, new SubjectListMemberships(dataSource));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it("names it as the list does, with the partner's provenance, and no records", async () => {
    // Registered in Suzhou (USCC positions 3–8): the header's region is where it is registered.
    const uscc = makeUscc('320500');
    const event = listEntryEffectiveEvent.envelope({
      data: {
        listType: 'key-watch',
        subject: { kind: 'org', id: uscc, name: '苏州共享名单测试运输有限公司' },
        region: '320500',
        grounds: '伙伴城市共享的重点关注名单',
        provenance: { partnerRegion: '320500', partnerName: '苏州市交通运输局', sourceReference: '苏交信〔2026〕8号', decidedOn: '2026-11-01' },
        decision: null,
      },
    });
    await dataSource.transaction((manager) => lists.effective(event, manager));
    const profile = await profiles.execute({ uscc });
    expect(profile).toMatchObject({ uscc, name: '苏州共享名单测试运输有限公司', region: '320500', penalties: [], licences: [], commitments: [], grades: [] });
    expect(profile.lists).toEqual([
      expect.objectContaining({ listType: 'key-watch', documentNumber: '苏交信〔2026〕8号', partner: { region: '320500', name: '苏州市交通运输局' } }),
    ]);
  });

  it('still answers 404 for an enterprise nothing public is known about', async () => {
    await expect(profiles.execute({ uscc: makeUscc() })).rejects.toMatchObject({ code: ProfileErrorCode.SubjectNotFound });
  });
});
