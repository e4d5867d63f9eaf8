// Throughput of collection's periodic jobs (ADR 0012), measured side by side with a bare SQL
// baseline on the same rows in the same run. Needs `node scripts/build.mjs` (dist/) and
// PostgreSQL on loopback; creates and drops a private database. Prints Markdown for docs/perf.md.
//   bash scripts/with-node.sh node test/load/scheduled-jobs.mjs [rows=20000]
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { onServer, SERVER_URL } from './lib/postgres-server.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(import.meta.dirname, '..', '..', 'dist', path));
const { ensureSchemaAndRole, createServiceDataSource, roleUrl, withDatabase } = dist('libs/platform/database/src');
const { OutboxPublisher } = dist('libs/platform/service/src');
const { usccCheckCharacter } = dist('libs/domain/identifiers/src');
const { collectionDefinition } = dist('apps/collection/src/collection.definition');
const { CatalogueStore } = dist('apps/collection/src/catalogue/application/catalogue-store');
const { RecordWriter } = dist('apps/collection/src/records/infrastructure/record-writer');
const { validateSubmission } = dist('apps/collection/src/records/domain/record-submission');
const { parseBatchLine } = dist('apps/collection/src/batches/domain/ndjson-batch');
const { JobScheduler } = dist('apps/collection/src/scheduling/application/job-scheduler');
const { ManualClock } = dist('apps/collection/src/scheduling/domain/clock');
const { ExpirePublicityJob } = dist('apps/collection/src/publicity/application/expire-publicity.job');
const { BreakOverdueCommitmentsJob } = dist('apps/collection/src/commitments/application/break-overdue-commitments.job');
const { AnnounceExpiringLicencesJob } = dist('apps/collection/src/licences/application/announce-expiring-licences.job');
const { DEFAULT_FULFILMENT_PERIOD_RULES } = dist('apps/collection/src/commitments/domain/fulfilment-period');
const { DEFAULT_EXPIRY_WARNING_RULES } = dist('apps/collection/src/licences/domain/expiry-warning');

const ROWS = Number(process.argv[2] ?? 20_000);
const SERVER = SERVER_URL;
if (!/@(127\.\d+\.\d+\.\d+|localhost)[:/]/.test(SERVER)) throw new Error('load tests target loopback only');
const TODAY = '2026-09-01';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const uscc = (i) => {
  const first17 = `91410100${String(i)
    .padStart(9, '0')
    .split('')
    .map((d) => ALPHABET[Number(d)])
    .join('')}`;
  return first17 + usccCheckCharacter(first17);
};
const subject = (i) => ({ kind: 'org', id: uscc(i), name: `压测运输有限公司${i}` });
const AUTHORITY = { authority: '郑州市交通运输局', authorityUscc: '11410100005252717P' };
const KINDS = {
  // Minor penalty decided 2026-04-01: three months end 2026-07-01, so expired on TODAY.
  penalty: () => ({
    recordType: 'administrative-penalty',
    severity: 'minor',
    decisionDate: '2026-04-01',
    payload: { facts: '压测', penaltyCategories: ['warning'], penaltyBasis: '压测', penaltyContent: '警告', ...AUTHORITY },
  }),
  // Commitment due 2026-08-01, never fulfilled.
  commitment: () => ({
    recordType: 'credit-commitment',
    severity: 'minor',
    decisionDate: '2026-03-01',
    payload: { commitmentType: 'voluntary', content: '压测承诺', dueDate: '2026-08-01', acceptingAuthority: '郑州市交通运输局' },
  }),
  // Licence ending within Henan's one-month window (decided recently: its publicity is not over).
  licence: (i) => ({
    recordType: 'administrative-licence',
    severity: 'minor',
    decisionDate: '2026-06-10',
    payload: {
      licenceCategory: 'ordinary',
      licenceName: '道路运输经营许可证',
      licenceNumber: `L${i}`,
      content: '道路普通货物运输',
      validFrom: '2022-09-10',
      validUntil: '2026-09-20',
      ...AUTHORITY,
    },
  }),
};

async function seed(ds, catalogues, writer, kind) {
  for (let start = 0; start < ROWS; start += 1000) {
    const submissions = [];
    for (let i = start; i < Math.min(ROWS, start + 1000); i++) {
      const line = { ...KINDS[kind](i), subject: subject(i), region: '410100', documentNumber: `${kind}-${i}`, sourceRecordId: `${kind}-${i}` };
      submissions.push(validateSubmission(parseBatchLine(JSON.stringify(line)).raw, catalogues.current(TODAY), TODAY));
    }
    await ds.transaction((manager) => writer.write(manager, 'load', submissions));
  }
}

async function timed(work) {
  const started = process.hrtime.bigint();
  const changed = await work();
  return { changed, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The same rows changed by one bare statement, rolled back: what the job costs above plain SQL. */
async function bare(ds, sql) {
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  try {
    return await timed(async () => {
      const result = await runner.query(`${sql} RETURNING 1`);
      // TypeORM answers UPDATE … RETURNING with [rows, count], INSERT … RETURNING with rows.
      return (Array.isArray(result[0]) ? result[0] : result).length;
    });
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const name = `tcp_load_jobs_${process.pid}`;
await onServer(`CREATE DATABASE ${name}`);
const results = [];
try {
  const adminUrl = withDatabase(SERVER, name);
  await ensureSchemaAndRole(adminUrl, 'collection');
  const ds = createServiceDataSource({
    schema: 'collection',
    url: roleUrl(adminUrl, 'collection'),
    entities: collectionDefinition.entities,
    migrations: collectionDefinition.migrations,
    poolSize: 4,
  });
  await ds.initialize();
  await ds.runMigrations();
  const catalogues = new CatalogueStore(ds);
  await catalogues.onModuleInit();
  const outbox = new OutboxPublisher(collectionDefinition);
  const writer = new RecordWriter(outbox);
  for (const kind of Object.keys(KINDS)) await seed(ds, catalogues, writer, kind);
  await ds.query('ANALYZE credit_records');
  const clock = new ManualClock(new Date(`${TODAY}T04:00:00Z`));
  const config = {
    SCHEDULE_POLL_MS: 60_000,
    SCHEDULE_LEASE_SECONDS: 300,
    SCHEDULE_ENABLED: false,
    SCHEDULE_CHUNK_SIZE: 500,
    COMMITMENT_FULFILMENT_RULES: DEFAULT_FULFILMENT_PERIOD_RULES,
    AUTO_BROKEN_COMMITMENT_SEVERITY: 'general',
    LICENCE_WARNING_RULES: DEFAULT_EXPIRY_WARNING_RULES,
  };
  const scheduler = new JobScheduler(ds, clock, config);
  const jobs = [
    [
      new ExpirePublicityJob(ds, outbox, catalogues, scheduler, config),
      `UPDATE credit_records SET status = 'expired', version = version + 1 WHERE record_type = 'administrative-penalty' AND status = 'active'`,
    ],
    [
      // Since issue 16 the job writes pending findings (commitment_findings), not records.
      new BreakOverdueCommitmentsJob(ds, scheduler, config),
      `INSERT INTO commitment_findings (id, commitment_record_id, subject_kind, subject_id, subject_name, region, accepting_client_id, commitment_document_number, due_on, description, status, detected_at)
      SELECT gen_random_uuid(), id, subject_kind, subject_id, subject_name, region, source_client_id, document_number, (payload->>'dueDate')::date, 'bare', 'pending', now()
        FROM credit_records WHERE record_type = 'credit-commitment'`,
    ],
    [
      new AnnounceExpiringLicencesJob(ds, outbox, scheduler, config),
      `INSERT INTO licence_expiry_notices (record_id, valid_until, announced_at, region, reminder) SELECT id, (payload->>'validUntil')::date, now(), region, payload FROM credit_records WHERE record_type = 'administrative-licence'`,
    ],
  ];
  for (const [job, sql] of jobs) {
    const baseline = await bare(ds, sql);
    const first = await timed(() => job.runOnce(clock.now()));
    const again = await timed(() => job.runOnce(clock.now()));
    results.push({ job: job.name, baseline, first, again });
    console.error(
      `${job.name}: ${first.changed} in ${Math.round(first.ms)} ms (bare ${Math.round(baseline.ms)} ms); again ${again.changed} in ${Math.round(again.ms)} ms`,
    );
  }
  await ds.destroy();
} finally {
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const perSecond = (r) => Math.round(r.changed / (r.ms / 1000)).toLocaleString('en');
console.log(`\nMachine: ${machine}; ${ROWS.toLocaleString('en')} due rows of each kind, chunks of 500\n`);
console.log('| job | rows changed | ms | rows/s | bare SQL, same rows (ms) | job ÷ bare | second pass: changed, ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const { job, baseline, first, again } of results) {
  console.log(
    `| ${job} | ${first.changed} | ${Math.round(first.ms)} | ${perSecond(first)} | ${Math.round(baseline.ms)} (${baseline.changed} rows) | ${(first.ms / baseline.ms).toFixed(1)}× | ${again.changed}, ${Math.round(again.ms)} |`,
  );
}
