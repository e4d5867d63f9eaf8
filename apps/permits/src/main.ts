import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { permitsConfigSchema, permitsDefinition } from './permits.definition';

const config = loadConfigOrExit(permitsConfigSchema, permitsDefinition.name);
void runService(permitsDefinition, config, AppModule.register(config));
