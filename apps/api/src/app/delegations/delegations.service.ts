import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, conflict, invalidInput, notFound } from '../common/app-error';
import { todayIso } from '../common/clock';
import { type Page, pageWindow } from '../common/pagination';
import { Role } from '../common/roles';
import { toPersonDto } from '../directory/groups.service';
import { UserEntity } from '../users/user.entity';
import { DelegationEntity } from './delegation.entity';
import type { CreateDelegationDto, DelegationDto, DelegationQueryDto } from './dto/delegation.dto';

function toDto(d: DelegationEntity, today: string): DelegationDto {
  return {
    id: d.id,
    approver: toPersonDto(d.approver),
    delegate: toPersonDto(d.delegate),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    note: d.note,
    state: d.startsOn > today ? 'upcoming' : d.endsOn < today ? 'ended' : 'active',
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
  };
}

const isAdmin = (actor: Principal) => actor.roles.includes(Role.Admin);

@Injectable()
export class DelegationsService {
  constructor(
    @InjectRepository(DelegationEntity) private readonly delegations: Repository<DelegationEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(query: DelegationQueryDto, actor: Principal): Promise<Page<DelegationDto>> {
    const today = todayIso();
    const qb = this.delegations.createQueryBuilder('d').leftJoinAndSelect('d.approver', 'a').leftJoinAndSelect('d.delegate', 'g');
    if (query.scope === 'all' && !isAdmin(actor)) throw new AppError(403, 'forbidden', 'Forbidden', 'Only admins may list everyone’s delegations.');
    if (query.scope !== 'all') qb.andWhere('(d.approver_id = :me OR d.delegate_id = :me)', { me: actor.id });
    if (query.approverId) qb.andWhere('d.approver_id = :approverId', { approverId: query.approverId });
    if (query.current) qb.andWhere('d.ends_on >= :today', { today });
    const { skip, take } = pageWindow(query);
    const [rows, total] = await qb.orderBy('d.startsOn', 'DESC').addOrderBy('d.id').skip(skip).take(take).getManyAndCount();
    return { items: rows.map((d) => toDto(d, today)), total };
  }

  async create(input: CreateDelegationDto, actor: Principal): Promise<DelegationDto> {
    const approverId = input.approverId ?? actor.id;
    if (approverId !== actor.id && !isAdmin(actor)) {
      throw new AppError(403, 'forbidden', 'Forbidden', 'Only admins may set up a delegation for someone else.');
    }
    const today = todayIso();
    const errors: { field: string; message: string }[] = [];
    if (input.endsOn < input.startsOn) errors.push({ field: 'endsOn', message: 'the last day is before the first day' });
    if (input.endsOn < today) errors.push({ field: 'endsOn', message: `the delegation would already be over (today is ${today})` });
    if (input.delegateId === approverId) errors.push({ field: 'delegateId', message: 'you cannot delegate to yourself' });
    return this.delegations.manager.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const approver = await users.findOneBy({ id: approverId, active: true });
      if (!approver) errors.push({ field: 'approverId', message: `no active user with id ${approverId}` });
      const delegate = await users.findOneBy({ id: input.delegateId, active: true });
      if (!delegate) errors.push({ field: 'delegateId', message: `no active user with id ${input.delegateId}` });
      else if (!delegate.roles.some((r) => r === Role.Approver || r === Role.Admin)) {
        errors.push({ field: 'delegateId', message: `${delegate.displayName} cannot approve (needs the approver role)` });
      }
      if (errors.length > 0) throw invalidInput(errors);
      const overlapping = await manager
        .getRepository(DelegationEntity)
        .createQueryBuilder('d')
        .where('d.approver_id = :a AND d.delegate_id = :g AND d.starts_on <= :to AND d.ends_on >= :from', { a: approverId, g: input.delegateId, from: input.startsOn, to: input.endsOn })
        .getOne();
      if (overlapping) {
        throw conflict('delegation_overlaps', `There is already a delegation to this delegate from ${overlapping.startsOn} to ${overlapping.endsOn}.`, { delegationId: overlapping.id });
      }
      const saved = await manager.getRepository(DelegationEntity).save({
        approverId,
        delegateId: input.delegateId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note?.trim() ?? '',
        createdBy: actor.id,
      });
      await this.audit.record(
        { actorId: actor.id, action: 'delegation.created', targetType: 'delegation', targetId: saved.id, detail: { approverId, delegateId: input.delegateId, startsOn: input.startsOn, endsOn: input.endsOn } },
        manager,
      );
      const full = await manager.getRepository(DelegationEntity).findOneOrFail({ where: { id: saved.id }, relations: { approver: true, delegate: true } });
      return toDto(full, today);
    });
  }

  async remove(id: string, actor: Principal): Promise<void> {
    await this.delegations.manager.transaction(async (manager) => {
      const repo = manager.getRepository(DelegationEntity);
      const delegation = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!delegation) throw notFound('Delegation', id);
      if (delegation.approverId !== actor.id && !isAdmin(actor)) {
        throw new AppError(403, 'forbidden', 'Forbidden', 'Only the approver who delegated, or an admin, may remove a delegation.');
      }
      await repo.delete(id);
      await this.audit.record(
        { actorId: actor.id, action: 'delegation.removed', targetType: 'delegation', targetId: id, detail: { approverId: delegation.approverId, delegateId: delegation.delegateId, startsOn: delegation.startsOn, endsOn: delegation.endsOn } },
        manager,
      );
    });
  }
}
