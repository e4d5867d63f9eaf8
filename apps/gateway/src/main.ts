import { INestApplication } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { AuditMiddleware } from './audit/audit.middleware';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfigOrExit, runService } from '@platform/service';
import { AppModule } from './app.module';
import { gatewayConfigSchema, gatewayDefinition } from './gateway.definition';
import { configureBodyParsing } from './http/body-parsing';
import { corsOptions } from './http/cors';
import { installClientErrorHandler } from './http/client-errors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { requestContext } from './http/request-context.middleware';
import { recordRequestDuration } from './http/request-metrics.middleware';
import { edgeValidationPipe } from './http/validation';
import { SlidingWindowThrottlerStorage } from './http/sliding-window-storage';
import { RATE_LIMIT_WINDOW_MS } from './http/rate-limit.guards';
import { ProfileFastPath } from './public-api/profile-fast-path';
import { PublicProfiles } from './public-api/public-profiles';

const config = loadConfigOrExit(gatewayConfigSchema, gatewayDefinition.name);
const problems = new ProblemDetailsFilter();
void runService(gatewayDefinition, config, AppModule.register(config), { configureHttp, httpErrors: (exception, host) => problems.catch(exception, host) });

function configureHttp(app: INestApplication): void {
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  installClientErrorHandler(app.getHttpServer());
  // Cached public profiles are answered ahead of Express (ADR 0032); everything else passes through.
  new ProfileFastPath(app.get(PublicProfiles), app.get(SlidingWindowThrottlerStorage), {
    limitPerWindow: config.GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE,
    windowMs: RATE_LIMIT_WINDOW_MS,
    corsOrigins: config.GATEWAY_CORS_ORIGINS,
  }).install(app.getHttpServer());
  app.enableCors(corsOptions(config.GATEWAY_CORS_ORIGINS));
  app.use(recordRequestDuration);
  app.use(new AuditMiddleware(app.get(AuditLog)).handle);
  app.use(requestContext);
  configureBodyParsing(app);
  app.useGlobalPipes(edgeValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Transport credit platform API')
      .setDescription(
        'REST API for provincial integrators (/api/v1), partner provinces (/exchange/v1) and the public (/public/v1). Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
