import { randomBytes } from 'node:crypto';
import { Events, ListEntryV1 } from '@contracts';
import { citizenIdCheckCharacter, maskCitizenId, maskCitizenIdsInText, maskPersonName } from '@domain/identifiers';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { chinaToday, listEntryEffectiveEvent, readPdf, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 21 item 3 (DOMAIN.md §6: personal data of individuals is masked): every answer of the
 * public API — lists, search, profile, report (PDF text and its JSON twin), publication log — is
 * searched for the person's full name, their ID, and any valid citizen ID left unmasked; where the
 * person appears, it is masked the one platform-wide way (@domain/identifiers).
 */
describe('personal data in public answers', () => {
  let platform: RunningPlatform;
  const first17 = `41010219850101${String(100 + (randomBytes(2).readUInt16BE() % 900))}`;
  const driver = { id: `${first17}${citizenIdCheckCharacter(first17)}`, name: '欧阳测试' };
  const uscc = makeUscc();
  const company = '郑州脱敏测试运输有限公司';
  const answers: { what: string; text: string }[] = [];

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure']);
    const token = await platform.token('zhengzhou');
    const api = gatewayApi(
      () => platform,
      () => token,
    );
    // The enterprise employing the driver: a penalty whose summary names the driver, and a list entry.
    const created = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: { id: uscc, name: company } }) });
    expect(created.status).toBe(201);
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-personal-data');
    const entry = (listType: string, subject: ListEntryV1['subject'], documentNumber: string) =>
      listEntryEffectiveEvent.envelope({
        data: {
          listType,
          subject,
          grounds: '一个记分周期内累计记满20分',
          decision: { outcome: 'confirmed', decidedOn: chinaToday(), decidedBy: 'zhengzhou', documentNumber, reason: '' },
        },
      });
    try {
      const ns = new MessagingNamespace(platform.natsPrefix);
      for (const envelope of [
        entry('bad-driver', { kind: 'person', id: driver.id, name: driver.name }, '郑交信〔2026〕61号'),
        entry('key-watch', { kind: 'org', id: uscc, name: company }, '郑交信〔2026〕62号'),
      ]) {
        await handles.js.publish(ns.subject(Events.ListEntryEffective.subject), JSON.stringify(envelope), { msgID: envelope.id });
      }
    } finally {
      await handles.nc.close();
    }
    await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) =>
          r.ok ? (((await r.json()) as { lists: unknown[] }).lists.length ?? 0) : 0,
        ),
      (n) => n > 0,
    );

    const get = async (what: string, path: string) => {
      const response = await fetch(`${platform.gatewayUrl}${path}`);
      const text = response.headers.get('content-type') === 'application/pdf' ? readPdf(Buffer.from(await response.arrayBuffer())).text : await response.text();
      answers.push({ what, text });
      return { response, text };
    };
    for (const list of ['red', 'key-watch', 'severe-dishonesty', 'bad-driver']) await get(`list ${list}`, `/public/v1/lists/${list}`);
    for (const q of [driver.name, driver.id, driver.name.slice(0, 2), company.slice(2, 6)])
      await get(`search ${q}`, `/public/v1/subjects?q=${encodeURIComponent(q)}`);
    await get('profile by citizen ID', `/public/v1/subjects/${driver.id}`);
    await get('profile', `/public/v1/subjects/${uscc}`);
    const report = await get('report PDF', `/public/v1/subjects/${uscc}/report`);
    await get('report JSON', `/public/v1/reports/${report.response.headers.get('x-report-code')}`);
    await get('publication log', '/public/v1/publication-log');
    const badDriver = JSON.parse(answers.find((a) => a.what === 'list bad-driver')!.text) as { entries: { publicationId: string; subject: { id: string } }[] };
    for (const e of badDriver.entries) await get(`log of ${e.subject.id}`, `/public/v1/publication-log/items/${e.publicationId}`);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('never contains the full name or the ID of a person, nor any valid citizen ID unmasked', () => {
    expect(answers.length).toBeGreaterThan(12);
    for (const { what, text } of answers) {
      expect({ what, name: text.includes(driver.name) }).toEqual({ what, name: false });
      expect({ what, id: text.includes(driver.id) }).toEqual({ what, id: false });
      expect({ what, unmasked: maskCitizenIdsInText(text) === text }).toEqual({ what, unmasked: true });
    }
  });

  it('shows the person masked the one platform-wide way on the list and in the publication log', () => {
    const masked = [maskPersonName(driver.name), maskCitizenId(driver.id)];
    expect(masked).toEqual(['欧***', `410***********${driver.id.slice(14)}`]);
    for (const what of ['list bad-driver', `log of ${masked[1]}`]) {
      const answer = answers.find((a) => a.what === what)!.text;
      for (const part of masked) expect({ what, part, shown: answer.includes(part) }).toEqual({ what, part, shown: true });
    }
  });
});
