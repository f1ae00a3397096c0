import { SetMetadata } from '@nestjs/common';
import type { Role } from '../common/roles';

export const ROLES_KEY = 'signet:roles';
export const PUBLIC_KEY = 'signet:public';

/** The roles allowed on a route. Every route declares roles or is marked @Public(). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone: only health and login-related routes. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
