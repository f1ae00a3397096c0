import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';

/**
 * Refuses to start when a route declares neither @Roles() nor @Public(), so a forgotten
 * decorator is a boot failure rather than an open or unusable endpoint.
 */
@Injectable()
export class RouteRolesAudit implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, wrapper.metatype];
        const declared = this.reflector.getAllAndOverride(ROLES_KEY, targets) ?? this.reflector.getAllAndOverride(PUBLIC_KEY, targets);
        if (declared === undefined) missing.push(`${wrapper.metatype.name}.${method}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`Routes without @Roles() or @Public(): ${missing.join(', ')}`);
    }
  }
}
