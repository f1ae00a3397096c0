import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { assertVersion, likePattern } from '../common/value-validators';
import { AccountEntity } from './account.entity';
import type { AccountDto, AccountQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

export function toAccountDto(a: AccountEntity): AccountDto {
  return {
    id: a.id,
    name: a.name,
    accountNumber: a.accountNumber,
    country: a.country,
    active: a.active,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(query: AccountQueryDto): Promise<Page<AccountDto>> {
    const qb = this.accounts.createQueryBuilder('a');
    if (query.search) qb.andWhere('(a.name ILIKE :s OR a.account_number ILIKE :s)', { s: likePattern(query.search) });
    if (query.active !== undefined) qb.andWhere('a.active = :active', { active: query.active });
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.orderBy('lower(a.name)').addOrderBy('a.id').offset(skip).limit(take).getManyAndCount();
    return { items: items.map(toAccountDto), total };
  }

  async get(id: string): Promise<AccountDto> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) throw notFound('Account', id);
    return toAccountDto(account);
  }

  async create(input: CreateAccountDto, actor: Principal): Promise<AccountDto> {
    return this.accounts.manager.transaction(async (manager) => {
      const repo = manager.getRepository(AccountEntity);
      const accountNumber = input.accountNumber?.trim() || null;
      await this.assertNumberFree(manager, accountNumber, null);
      const saved = await repo.save(repo.create({ name: input.name.trim(), accountNumber, country: input.country ?? null, active: true }));
      await this.audit.record({ actorId: actor.id, action: 'account.created', targetType: 'account', targetId: saved.id, detail: { name: saved.name } }, manager);
      return toAccountDto(await repo.findOneByOrFail({ id: saved.id }));
    });
  }

  async update(id: string, input: UpdateAccountDto, actor: Principal): Promise<AccountDto> {
    return this.accounts.manager.transaction(async (manager) => {
      const repo = manager.getRepository(AccountEntity);
      const account = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('Account', id);
      const { version, ...change } = input;
      assertVersion('account', version, account.version);
      if (change.name !== undefined) change.name = change.name.trim();
      if (change.accountNumber !== undefined) {
        change.accountNumber = change.accountNumber?.trim() || null;
        await this.assertNumberFree(manager, change.accountNumber, id);
      }
      const changed = Object.keys(change).filter((k) => change[k as keyof typeof change] !== account[k as keyof AccountEntity]);
      if (changed.length === 0) return toAccountDto(account);
      const saved = await repo.save(Object.assign(account, change));
      await this.audit.record({ actorId: actor.id, action: 'account.updated', targetType: 'account', targetId: id, detail: { changed } }, manager);
      return toAccountDto(saved);
    });
  }

  private async assertNumberFree(manager: EntityManager, accountNumber: string | null, exceptId: string | null): Promise<void> {
    if (!accountNumber) return;
    const qb = manager.getRepository(AccountEntity).createQueryBuilder('a').where('lower(a.account_number) = lower(:n)', { n: accountNumber });
    if (exceptId) qb.andWhere('a.id <> :id', { id: exceptId });
    if (await qb.getExists()) {
      throw new AppError(409, 'account_number_taken', 'Conflict', `An account with number '${accountNumber}' already exists.`, {
        errors: [{ field: 'accountNumber', message: 'already in use' }],
      });
    }
  }
}
