import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { collectionConfigSchema, collectionDefinition } from './collection.definition';

const config = loadConfigOrExit(collectionConfigSchema, collectionDefinition.name);
void runService(collectionDefinition, config, AppModule.register(config));
