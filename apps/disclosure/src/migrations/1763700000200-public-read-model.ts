import { MigrationInterface, QueryRunner } from 'typeorm';

/** The public read model: only what the law allows, each item with its publicity window. */
export class PublicReadModel1763700000200 implements MigrationInterface {
  name = 'PublicReadModel1763700000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE public_subjects (
      uscc char(18) PRIMARY KEY,
      name text NOT NULL,
      region char(6) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE public_records (
      record_id uuid PRIMARY KEY,
      uscc char(18) NOT NULL REFERENCES public_subjects (uscc),
      record_type text NOT NULL,
      document_number text NOT NULL,
      decision_date date NOT NULL,
      severity text NOT NULL,
      summary text NOT NULL DEFAULT '',
      published_from timestamptz NOT NULL,
      published_until timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX public_records_visible ON public_records (uscc, published_until)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_records`);
    await runner.query(`DROP TABLE public_subjects`);
  }
}
