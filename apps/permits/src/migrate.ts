// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { permitsConfigSchema, permitsDefinition } from './permits.definition';

void runMigrationsAndExit(permitsDefinition, permitsConfigSchema);
