import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AppError } from '../common/app-error';
import type { Role } from '../common/roles';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest, Principal } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Authentication required', 'Send `Authorization: Bearer <token>` or an `X-API-Key` header.');

/**
 * Global guard: every route is closed unless marked @Public(); a closed route admits a caller
 * whose roles intersect the route's @Roles(). A boot-time check makes sure every route says which.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!allowed.some((role) => principal.roles.includes(role))) {
      throw new AppError(403, 'forbidden', 'Forbidden', `This action needs one of the roles: ${allowed.join(', ') || '(none)'}.`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) return this.apiKeys.principalFromKey(apiKey);
    if (!header) throw unauthenticated();
    const [scheme, token] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && token) return this.auth.principalFromAccessToken(token);
    if (scheme?.toLowerCase() === 'apikey' && token) return this.apiKeys.principalFromKey(token);
    throw unauthenticated();
  }
}
