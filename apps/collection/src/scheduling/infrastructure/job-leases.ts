import { DataSource } from 'typeorm';

/**
 * Leases in `scheduled_job_leases`: one row per job. A replica may run a job only while it holds
 * the lease; a lease runs out by itself (a crashed replica never blocks a job for longer than the
 * lease). Times are the database's, so replicas with skewed clocks still agree.
 */
export class JobLeases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly holder: string,
  ) {}

  /**
   * Takes the lease for `seconds` if it has run out (whoever held it: a replica that just ran the
   * job waits for the next interval like the others); true when taken.
   */
  async acquire(job: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO scheduled_job_leases (job, holder, lease_until, last_started_at) VALUES ($1, $2, now() + make_interval(secs => $3), now())
       ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, last_started_at = EXCLUDED.last_started_at
         WHERE scheduled_job_leases.lease_until < now()
       RETURNING job`,
      [job, this.holder, seconds],
    );
    return rows.length === 1;
  }

  /** Records the pass and keeps the lease until `holdSeconds` after the pass started (most of an interval). */
  async finish(job: string, outcome: string, holdSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE scheduled_job_leases SET last_finished_at = now(), last_outcome = $3,
              lease_until = GREATEST(now(), last_started_at + make_interval(secs => $4))
        WHERE job = $1 AND holder = $2`,
      [job, this.holder, outcome.slice(0, 500), holdSeconds],
    );
  }
}
