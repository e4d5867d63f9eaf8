import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../gateway.definition';
import { ClientRegistry } from './application/client-registry';
import { ClientSeeder } from './application/client-seeder';
import { TokenService } from './application/token.service';
import { KeyRing, loadSigningKey, loadVerificationKeys } from './infrastructure/signing-key';
import { SIGNING_KEY } from './infrastructure/tokens';
import { DisabledClients } from './infrastructure/disabled-clients';
import { VerifiedTokenCache } from './infrastructure/verified-token-cache';
import { JwtAuthGuard, ScopeGuard } from './interface/auth.guards';
import { JwtStrategy } from './interface/jwt.strategy';
import { ClientAdminHttpController } from './interface/client-admin.http.controller';
import { TokenHttpController } from './interface/token.http.controller';

/** Clients and their administration, tokens (OAuth2 client credentials, ES256 JWT), JWKS, and the guards. */
@Module({
  imports: [PassportModule],
  controllers: [TokenHttpController, ClientAdminHttpController],
  providers: [
    // Read once at boot: a rotation is a change of the mounted files, then a rollout (docs/ops.md).
    {
      provide: KeyRing,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new KeyRing(loadSigningKey(config.GATEWAY_JWT_PRIVATE_KEY_FILE), loadVerificationKeys(config.GATEWAY_JWT_VERIFICATION_KEYS_DIR)),
    },
    { provide: SIGNING_KEY, inject: [KeyRing], useFactory: (keys: KeyRing) => keys.signing },
    { provide: VerifiedTokenCache, useValue: new VerifiedTokenCache() },
    TokenService,
    JwtStrategy,
    JwtAuthGuard,
    ScopeGuard,
    DisabledClients,
    ClientRegistry,
    ClientSeeder,
  ],
  // VerifiedTokenCache and DisabledClients too: @UseGuards(JwtAuthGuard) builds the guard in the controller's module.
  exports: [TokenService, JwtAuthGuard, ScopeGuard, VerifiedTokenCache, DisabledClients, SIGNING_KEY, KeyRing],
})
export class AuthModule {}
