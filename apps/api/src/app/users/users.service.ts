import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, invalidInput, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { Role } from '../common/roles';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    managerId: user.managerId ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

const SORT_COLUMNS: Record<UserQueryDto['sort'], string> = {
  email: 'lower(u.email)',
  displayName: 'lower(u.display_name)',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
};

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserQueryDto): Promise<Page<UserDto>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.search) {
      qb.andWhere('(u.email ILIKE :s OR u.display_name ILIKE :s)', { s: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` });
    }
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    const { skip, take } = pageWindow(query);
    qb.orderBy(SORT_COLUMNS[query.sort], query.direction === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('u.id').offset(skip).limit(take);
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(toUserDto), total };
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.find(id));
  }

  async create(input: CreateUserDto, actor: Principal): Promise<UserDto> {
    const passwordHash = await argon2.hash(input.password);
    return this.users.manager.transaction(async (manager) => {
      await this.assertEmailFree(manager, input.email);
      const saved = await manager.getRepository(UserEntity).save({
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        passwordHash,
        roles: input.roles,
        active: true,
        managerId: input.managerId ? await this.assertManager(manager, null, input.managerId) : null,
      });
      await this.audit.record(
        { actorId: actor.id, action: 'user.created', targetType: 'user', targetId: saved.id, detail: { email: saved.email, roles: saved.roles } },
        manager,
      );
      return toUserDto(await manager.getRepository(UserEntity).findOneByOrFail({ id: saved.id }));
    });
  }

  async update(id: string, input: UpdateUserDto, actor: Principal): Promise<UserDto> {
    return this.users.manager.transaction(async (manager) => {
      const repo = manager.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', id);
      if (input.version !== undefined && input.version !== user.version) {
        throw conflict('stale_version', `The user was changed by someone else (you have version ${input.version}, current is ${user.version}). Reload and try again.`, {
          currentVersion: user.version,
        });
      }
      const self = actor.kind === 'user' && actor.id === user.id;
      if (self && input.active === false) {
        throw new AppError(409, 'cannot_deactivate_self', 'Conflict', 'You cannot deactivate your own account.');
      }
      if (self && input.roles && !input.roles.includes(Role.Admin) && user.roles.includes(Role.Admin)) {
        throw new AppError(409, 'cannot_remove_own_admin', 'Conflict', 'You cannot remove the admin role from your own account.');
      }
      const events: { action: string; detail: Record<string, unknown> }[] = [];
      let invalidateTokens = false;
      if (input.displayName !== undefined && input.displayName.trim() !== user.displayName) {
        events.push({ action: 'user.renamed', detail: { from: user.displayName, to: input.displayName.trim() } });
        user.displayName = input.displayName.trim();
      }
      if (input.roles && !sameRoles(input.roles, user.roles)) {
        events.push({ action: 'user.roles_changed', detail: { from: user.roles, to: input.roles } });
        user.roles = input.roles;
        invalidateTokens = true;
      }
      if (input.active !== undefined && input.active !== user.active) {
        events.push({ action: input.active ? 'user.reactivated' : 'user.deactivated', detail: {} });
        user.active = input.active;
        invalidateTokens = true;
      }
      if (input.managerId !== undefined && (input.managerId ?? null) !== user.managerId) {
        const managerId = input.managerId ? await this.assertManager(manager, user.id, input.managerId) : null;
        events.push({ action: 'user.manager_changed', detail: { from: user.managerId, to: managerId } });
        user.managerId = managerId;
      }
      if (input.password !== undefined) {
        events.push({ action: 'user.password_changed', detail: {} });
        user.passwordHash = await argon2.hash(input.password);
        await repo.update(user.id, { passwordHash: user.passwordHash });
        invalidateTokens = true;
      }
      if (events.length === 0) return toUserDto(user);
      if (invalidateTokens) user.tokenVersion += 1;
      const saved = await repo.save(user);
      for (const event of events) {
        await this.audit.record({ actorId: actor.id, action: event.action, targetType: 'user', targetId: user.id, detail: event.detail }, manager);
      }
      return toUserDto(saved);
    });
  }

  async countByRole(): Promise<Record<string, number>> {
    const rows: { role: string; count: string }[] = await this.users.query(
      `SELECT r AS role, count(*) AS count FROM users, unnest(roles) AS r WHERE active GROUP BY r`,
    );
    return Object.fromEntries(rows.map((row) => [row.role, Number(row.count)]));
  }

  async countActive(): Promise<number> {
    return this.users.countBy({ active: true });
  }

  private async find(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User', id);
    return user;
  }

  /** The manager must be an active user and must not make a reporting cycle. */
  private async assertManager(manager: EntityManager, userId: string | null, managerId: string): Promise<string> {
    const invalid = (message: string) => invalidInput([{ field: 'managerId', message }]);
    if (managerId === userId) throw invalid('a user cannot be their own manager');
    const found = await manager.getRepository(UserEntity).findOneBy({ id: managerId });
    if (!found || !found.active) throw invalid(`no active user with id ${managerId}`);
    if (userId) {
      const rows: { id: string }[] = await manager.query(
        `WITH RECURSIVE chain(id, depth) AS (SELECT $1::uuid, 0 UNION SELECT u.manager_id, c.depth + 1 FROM users u JOIN chain c ON u.id = c.id WHERE u.manager_id IS NOT NULL AND c.depth < 1000)
         SELECT id FROM chain WHERE id = $2::uuid`,
        [managerId, userId],
      );
      if (rows.length > 0) throw invalid('that manager reports to this user: it would make a cycle');
    }
    return managerId;
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const existing = await manager.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getCount();
    if (existing > 0) {
      throw new AppError(409, 'email_taken', 'Conflict', `A user with email '${email}' already exists.`, { errors: [{ field: 'email', message: 'already in use' }] });
    }
  }
}
