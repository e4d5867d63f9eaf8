// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { disclosureConfigSchema, disclosureDefinition } from './disclosure.definition';

void runMigrationsAndExit(disclosureDefinition, disclosureConfigSchema);
