import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, invalidInput, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { UserEntity } from '../users/user.entity';
import type { CreateGroupDto, GroupDto, GroupQueryDto, PersonDto, SetMembersDto, UpdateGroupDto } from './dto/group.dto';
import { UserGroupEntity, UserGroupMemberEntity } from './user-group.entity';

export function toPersonDto(user: UserEntity): PersonDto {
  return { id: user.id, displayName: user.displayName, email: user.email, active: user.active };
}

@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(UserGroupEntity) private readonly groups: Repository<UserGroupEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(query: GroupQueryDto): Promise<Page<GroupDto>> {
    const qb = this.groups.createQueryBuilder('g');
    if (query.search) qb.where('g.name ILIKE :s', { s: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` });
    const { skip, take } = pageWindow(query);
    const [rows, total] = await qb.orderBy('lower(g.name)').addOrderBy('g.id').skip(skip).take(take).getManyAndCount();
    return { items: await this.toDtos(this.groups.manager, rows), total };
  }

  async get(id: string): Promise<GroupDto> {
    const group = await this.groups.findOneBy({ id });
    if (!group) throw notFound('Group', id);
    return (await this.toDtos(this.groups.manager, [group]))[0];
  }

  async create(input: CreateGroupDto, actor: Principal): Promise<GroupDto> {
    return this.groups.manager.transaction(async (manager) => {
      const name = input.name.trim();
      await assertNameFree(manager, name, null);
      const memberIds = input.memberIds ?? [];
      await assertActiveUsers(manager, memberIds, 'memberIds');
      const group = await manager.getRepository(UserGroupEntity).save({ name, description: input.description?.trim() ?? '' });
      await manager.getRepository(UserGroupMemberEntity).insert(memberIds.map((userId) => ({ groupId: group.id, userId })));
      await this.audit.record({ actorId: actor.id, action: 'group.created', targetType: 'group', targetId: group.id, detail: { name, memberIds } }, manager);
      return (await this.toDtos(manager, [group]))[0];
    });
  }

  /** Renames or re-describes a group; rules refer to it by id, so nothing else changes. */
  async update(id: string, input: UpdateGroupDto, actor: Principal): Promise<GroupDto> {
    return this.groups.manager.transaction(async (manager) => {
      const repo = manager.getRepository(UserGroupEntity);
      const group = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Group', id);
      if (input.version !== group.version) {
        throw conflict('stale_version', `The group was changed by someone else (you have version ${input.version}, current is ${group.version}). Reload and try again.`, { currentVersion: group.version });
      }
      const before = { name: group.name, description: group.description };
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (name.length === 0) throw invalidInput([{ field: 'name', message: 'must not be blank' }]);
        await assertNameFree(manager, name, id);
        group.name = name;
      }
      if (input.description !== undefined) group.description = input.description.trim();
      const saved = await repo.save(group);
      await this.audit.record({ actorId: actor.id, action: 'group.updated', targetType: 'group', targetId: id, detail: { before, after: { name: saved.name, description: saved.description } } }, manager);
      return (await this.toDtos(manager, [saved]))[0];
    });
  }

  async setMembers(id: string, input: SetMembersDto, actor: Principal): Promise<GroupDto> {
    return this.groups.manager.transaction(async (manager) => {
      const repo = manager.getRepository(UserGroupEntity);
      const group = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Group', id);
      if (input.version !== undefined && input.version !== group.version) {
        throw conflict('stale_version', `The group was changed by someone else (you have version ${input.version}, current is ${group.version}). Reload and try again.`, { currentVersion: group.version });
      }
      await assertActiveUsers(manager, input.memberIds, 'memberIds');
      const members = manager.getRepository(UserGroupMemberEntity);
      const before = (await members.findBy({ groupId: id })).map((m) => m.userId);
      await members.delete({ groupId: id });
      await members.insert(input.memberIds.map((userId) => ({ groupId: id, userId })));
      group.updatedAt = new Date();
      await repo.save(group);
      const added = input.memberIds.filter((m) => !before.includes(m));
      const removed = before.filter((m) => !input.memberIds.includes(m));
      await this.audit.record({ actorId: actor.id, action: 'group.members_changed', targetType: 'group', targetId: id, detail: { added, removed } }, manager);
      return (await this.toDtos(manager, [group]))[0];
    });
  }

  private async toDtos(manager: EntityManager, groups: UserGroupEntity[]): Promise<GroupDto[]> {
    if (groups.length === 0) return [];
    const ids = groups.map((g) => g.id);
    const members = await manager.getRepository(UserGroupMemberEntity).find({ where: { groupId: In(ids) }, relations: { user: true } });
    const counts: { group_id: string; count: string }[] = await manager.query(
      `SELECT approver->>'groupId' AS group_id, count(*) AS count FROM approval_rules WHERE active AND approver->>'groupId' = ANY($1) GROUP BY 1`,
      [ids],
    );
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      members: members
        .filter((m) => m.groupId === g.id)
        .map((m) => toPersonDto(m.user))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      ruleCount: Number(counts.find((c) => c.group_id === g.id)?.count ?? 0),
      updatedAt: g.updatedAt.toISOString(),
      version: g.version,
    }));
  }
}

async function assertNameFree(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
  const qb = manager.getRepository(UserGroupEntity).createQueryBuilder('g').where('lower(g.name) = lower(:name)', { name });
  if (exceptId) qb.andWhere('g.id <> :exceptId', { exceptId });
  if ((await qb.getCount()) > 0) {
    throw new AppError(409, 'group_name_taken', 'Conflict', `A group named '${name}' already exists.`, { errors: [{ field: 'name', message: 'already in use' }] });
  }
}

/** Every id must be an active user; otherwise 400 naming the ones that are not. */
export async function assertActiveUsers(manager: EntityManager, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.getRepository(UserEntity).findBy({ id: In([...ids]), active: true });
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length > 0) throw invalidInput(missing.map((id) => ({ field, message: `no active user with id ${id}` })));
}
