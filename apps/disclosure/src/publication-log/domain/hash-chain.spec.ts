import { ChainVerifier, contentHashOf, entryHash, GENESIS_HASH, ItemContent, profilesConcerned } from './hash-chain';

const content = (n: number): ItemContent => ({
  event: 'published',
  publicationId: `00000000-0000-4000-8000-00000000000${n}`,
  uscc: '91350100M000100Y43',
  recordType: 'administrative-penalty',
  documentNumber: `郑交罚〔2026〕${n}号`,
  decisionDate: '2026-11-02',
  severity: 'general',
  effectiveAt: '2026-11-03T01:00:00.000Z',
  publishedUntil: '2027-11-02T15:59:59.999Z',
});

function chain(n: number) {
  const entries = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const facts = content(seq);
    const contentHash = contentHashOf(facts);
    const loggedAt = `2026-11-0${seq}T00:00:00.000Z`;
    const hash = entryHash(prev, seq, loggedAt, contentHash);
    entries.push({ seq, loggedAt, contentHash, prevHash: prev, hash, facts });
    prev = hash;
  }
  return entries;
}

function verify(entries: ReturnType<typeof chain>) {
  const verifier = new ChainVerifier();
  for (const e of entries) if (!verifier.accept({ ...e, recomputedContentHash: contentHashOf(e.facts) })) break;
  return verifier.result();
}

describe('publication hash chain', () => {
  it('hashes content canonically: key order does not matter, every fact does', () => {
    const facts = content(1);
    const reordered = Object.fromEntries(Object.entries(facts).reverse());
    expect(contentHashOf(reordered)).toBe(contentHashOf(facts));
    expect(contentHashOf({ ...facts, publishedUntil: '2027-11-03T15:59:59.999Z' })).not.toBe(contentHashOf(facts));
  });

  it('verifies an intact chain and reports its head', () => {
    const entries = chain(4);
    expect(verify(entries)).toEqual({ intact: true, length: 4, head: entries[3].hash });
    expect(verify([])).toEqual({ intact: true, length: 0, head: GENESIS_HASH });
  });

  it('catches an edited fact, a deleted entry and a rewritten hash', () => {
    const edited = chain(4);
    edited[2].facts = { ...edited[2].facts, publishedUntil: '2030-01-01T00:00:00.000Z' };
    expect(verify(edited)).toMatchObject({ intact: false, brokenAt: 3, problem: 'the published facts do not match their hash' });

    const gap = chain(4);
    gap.splice(1, 1);
    expect(verify(gap)).toMatchObject({ intact: false, brokenAt: 3, problem: 'expected entry 2, found 3' });

    const rehashed = chain(4);
    rehashed[1].facts = { ...rehashed[1].facts, severity: 'minor' };
    rehashed[1].contentHash = contentHashOf(rehashed[1].facts);
    expect(verify(rehashed)).toMatchObject({ intact: false, brokenAt: 2, problem: 'the entry hash is wrong' });
  });
});

describe('profilesConcerned', () => {
  it('names the enterprises whose profile changes: items and enterprises on lists, once each; not people or reports', () => {
    const listed = (kind: string, id: string) => ({
      event: 'listed' as const,
      publicationId: 'p',
      listType: 'red',
      subject: { kind, id, name: 'x' },
      startsOn: '2026-11-01',
      endsOn: null,
      effectiveAt: '2026-11-01T00:00:00Z',
    });
    const report = {
      event: 'report-issued' as const,
      publicationId: 'r',
      code: 'C',
      uscc: '91410100MA0000000X',
      contentHash: 'h',
      effectiveAt: '2026-11-01T00:00:00Z',
    };
    expect(
      profilesConcerned([
        content(1),
        { ...content(2), event: 'withdrawn' },
        listed('org', '91410100MA00000011'),
        listed('person', '410102********1234'),
        report,
      ]),
    ).toEqual(['91350100M000100Y43', '91410100MA00000011']);
  });
});
