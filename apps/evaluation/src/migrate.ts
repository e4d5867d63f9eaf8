// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { evaluationConfigSchema, evaluationDefinition } from './evaluation.definition';

void runMigrationsAndExit(evaluationDefinition, evaluationConfigSchema);
