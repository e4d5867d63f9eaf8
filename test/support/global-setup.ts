import './register-aliases';
import { createTemplateDatabase } from '@platform/testing';
import { SERVICE_DEFINITIONS } from './service-schemas';

/** Runs once per Jest run: migrate every service schema into a template database. */
export default async function globalSetup(): Promise<void> {
  await createTemplateDatabase(SERVICE_DEFINITIONS.map((d) => ({ schema: d.schema, entities: d.entities, migrations: d.migrations })));
}
