import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@platform/auth';

/** The authenticated principal (set by JwtAuthGuard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ user: Principal }>().user,
);
