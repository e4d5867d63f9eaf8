export * from './data-source';
export * from './schema-bootstrap';
export type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
export * from './update-query';
export * from './after-commit';
export * from './group-commit';
export * from './idempotency';
export * from './shipped-versions';
