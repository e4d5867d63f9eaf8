// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { repairConfigSchema, repairDefinition } from './repair.definition';

void runMigrationsAndExit(repairDefinition, repairConfigSchema);
