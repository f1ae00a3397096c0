import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '../common/roles';

export const ROLES_KEY = 'signet:roles';
export const PUBLIC_KEY = 'signet:public';

/**
 * The roles allowed on a route. Every route declares roles or is marked @Public(); the roles
 * are published in the OpenAPI document as `x-signet-roles`, which the route × role test walks.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension('x-signet-roles', roles),
    ApiUnauthorizedResponse({ description: 'No or invalid credentials (problem+json).' }),
    ApiForbiddenResponse({ description: `Needs one of: ${roles.join(', ')} (problem+json).` }),
  );

/** Open to anyone: only health and login-related routes. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-signet-public', true));
