import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { disclosureConfigSchema, disclosureDefinition } from './disclosure.definition';

const config = loadConfigOrExit(disclosureConfigSchema, disclosureDefinition.name);
void runService(disclosureDefinition, config, AppModule.register(config));
