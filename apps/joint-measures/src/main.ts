import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { jointMeasuresConfigSchema, jointMeasuresDefinition } from './joint-measures.definition';

const config = loadConfigOrExit(jointMeasuresConfigSchema, jointMeasuresDefinition.name);
void runService(jointMeasuresDefinition, config, AppModule.register(config));
