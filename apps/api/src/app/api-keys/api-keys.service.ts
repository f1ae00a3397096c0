import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const KEY_PREFIX = 'sgk_';
/** Recording every use would write on every request; once a minute is enough for "last used". */
const LAST_USED_RESOLUTION_MS = 60_000;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    roles: key.roles,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateApiKeyDto, actor: Principal): Promise<CreatedApiKeyDto> {
    const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const saved = await this.keys.manager.transaction(async (manager) => {
      const entity = await manager.getRepository(ApiKeyEntity).save({
        name: input.name,
        prefix: secret.slice(0, KEY_PREFIX.length + 6),
        keyHash: hashKey(secret),
        roles: input.roles,
        createdBy: actor.kind === 'user' ? actor.id : null,
      });
      await this.audit.record(
        { actorId: actor.id, action: 'api_key.created', targetType: 'api_key', targetId: entity.id, detail: { name: input.name, roles: input.roles } },
        manager,
      );
      return entity;
    });
    const reloaded = await this.keys.findOneByOrFail({ id: saved.id });
    return { ...toDto(reloaded), key: secret };
  }

  async list(query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    const [items, total] = await this.keys.findAndCount({ order: { createdAt: 'DESC' }, ...pageWindow(query) });
    return { items: items.map(toDto), total };
  }

  async revoke(id: string, actor: Principal): Promise<ApiKeyDto> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw notFound('API key', id);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.keys.manager.transaction(async (manager) => {
        await manager.getRepository(ApiKeyEntity).update(id, { revokedAt: key.revokedAt });
        await this.audit.record({ actorId: actor.id, action: 'api_key.revoked', targetType: 'api_key', targetId: id }, manager);
      });
    }
    return toDto(key);
  }

  async principalFromKey(secret: string): Promise<Principal> {
    const key = await this.keys.findOneBy({ keyHash: hashKey(secret), revokedAt: IsNull() });
    if (!key) throw new AppError(401, 'invalid_api_key', 'Invalid API key', 'The API key is unknown or has been revoked.');
    const now = Date.now();
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.update(key.id, { lastUsedAt: new Date(now) });
    }
    return { kind: 'api-key', id: key.id, roles: key.roles, displayName: key.name };
  }
}
