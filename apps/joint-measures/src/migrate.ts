// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { jointMeasuresConfigSchema, jointMeasuresDefinition } from './joint-measures.definition';

void runMigrationsAndExit(jointMeasuresDefinition, jointMeasuresConfigSchema);
