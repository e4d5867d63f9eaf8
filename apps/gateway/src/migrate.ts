// Kubernetes migration Job entry point.
import { runMigrationsAndExit } from '@platform/service';
import { gatewayConfigSchema, gatewayDefinition } from './gateway.definition';

void runMigrationsAndExit(gatewayDefinition, gatewayConfigSchema);
