import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { repairConfigSchema, repairDefinition } from './repair.definition';

const config = loadConfigOrExit(repairConfigSchema, repairDefinition.name);
void runService(repairDefinition, config, AppModule.register(config));
