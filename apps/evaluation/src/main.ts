import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { evaluationConfigSchema, evaluationDefinition } from './evaluation.definition';

const config = loadConfigOrExit(evaluationConfigSchema, evaluationDefinition.name);
void runService(evaluationDefinition, config, AppModule.register(config));
