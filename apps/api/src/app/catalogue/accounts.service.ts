import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ExternalIds, mergeExternalIds, sameExternalIds, validateExternalIds } from '@signet/quotes-domain';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, invalidInput, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { assertVersion, likePattern } from '../common/value-validators';
import { AccountLocationEntity } from './account-location.entity';
import { AccountEntity } from './account.entity';
import { toLocationDto } from './account-locations.service';
import type { AccountDetailDto, AccountDto, AccountQueryDto, BillingAddressDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

export function toAccountDto(a: AccountEntity): AccountDto {
  return {
    id: a.id,
    name: a.name,
    accountNumber: a.accountNumber,
    country: a.country,
    currency: a.currency,
    billingAddress: (a.billingAddress as BillingAddressDto | null) ?? null,
    externalIds: a.externalIds ?? {},
    active: a.active,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Trims the address and drops empty optional parts, so stored addresses compare cleanly. */
function normaliseAddress(address: BillingAddressDto | null | undefined): Record<string, string> | null {
  if (!address) return null;
  const out: Record<string, string> = {};
  for (const key of ['name', 'street', 'city', 'postalCode', 'region', 'country'] as const) {
    const value = address[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

function checkedExternalIds(change: Record<string, string | null> | undefined, current: ExternalIds): ExternalIds | undefined {
  if (change === undefined) return undefined;
  const problems = validateExternalIds(change);
  if (problems.length > 0) throw invalidInput([...problems], `Invalid fields: ${problems.map((p) => p.field).join(', ')}.`);
  return mergeExternalIds(current, change);
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

  async get(id: string): Promise<AccountDetailDto> {
    return this.detail(this.accounts.manager, id);
  }

  async create(input: CreateAccountDto, actor: Principal): Promise<AccountDetailDto> {
    const externalIds = checkedExternalIds(input.externalIds, {}) ?? {};
    return this.accounts.manager.transaction(async (manager) => {
      const repo = manager.getRepository(AccountEntity);
      const accountNumber = input.accountNumber?.trim() || null;
      await this.assertNumberFree(manager, accountNumber, null);
      const saved = await repo.save(
        repo.create({
          name: input.name.trim(),
          accountNumber,
          country: input.country ?? null,
          currency: input.currency ?? 'USD',
          billingAddress: normaliseAddress(input.billingAddress),
          externalIds,
          active: true,
        }),
      );
      await this.audit.record({ actorId: actor.id, action: 'account.created', targetType: 'account', targetId: saved.id, detail: { name: saved.name } }, manager);
      return this.detail(manager, saved.id);
    });
  }

  async update(id: string, input: UpdateAccountDto, actor: Principal): Promise<AccountDetailDto> {
    return this.accounts.manager.transaction(async (manager) => {
      const repo = manager.getRepository(AccountEntity);
      const account = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('Account', id);
      const { version, billingAddress, externalIds, ...plain } = input;
      assertVersion('account', version, account.version);
      const next: Partial<AccountEntity> = { ...plain };
      if (plain.name !== undefined) next.name = plain.name.trim();
      if (plain.accountNumber !== undefined) {
        next.accountNumber = plain.accountNumber?.trim() || null;
        await this.assertNumberFree(manager, next.accountNumber, id);
      }
      const changed = Object.keys(next).filter((k) => next[k as keyof AccountEntity] !== account[k as keyof AccountEntity]);
      if (billingAddress !== undefined) {
        const address = normaliseAddress(billingAddress);
        if (JSON.stringify(address) !== JSON.stringify(account.billingAddress)) {
          next.billingAddress = address;
          changed.push('billingAddress');
        }
      }
      const ids = checkedExternalIds(externalIds, account.externalIds ?? {});
      if (ids && !sameExternalIds(ids, account.externalIds ?? {})) {
        next.externalIds = ids;
        changed.push('externalIds');
      }
      if (changed.length === 0) return this.detail(manager, id);
      await repo.save(Object.assign(account, next));
      await this.audit.record({ actorId: actor.id, action: 'account.updated', targetType: 'account', targetId: id, detail: { changed } }, manager);
      return this.detail(manager, id);
    });
  }

  private async detail(manager: EntityManager, id: string): Promise<AccountDetailDto> {
    const account = await manager.getRepository(AccountEntity).findOneBy({ id });
    if (!account) throw notFound('Account', id);
    const locations = await manager.getRepository(AccountLocationEntity).find({ where: { accountId: id }, order: { position: 'ASC', createdAt: 'ASC' } });
    return { ...toAccountDto(account), locations: locations.map(toLocationDto) };
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
