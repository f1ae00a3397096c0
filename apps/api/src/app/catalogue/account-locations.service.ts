import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { conflict, notFound } from '../common/app-error';
import { AccountLocationEntity } from './account-location.entity';
import { AccountEntity } from './account.entity';
import type { AccountLocationDto, CreateAccountLocationDto, UpdateAccountLocationDto } from './dto/account-location.dto';

export function toLocationDto(l: AccountLocationEntity): AccountLocationDto {
  return { id: l.id, accountId: l.accountId, name: l.name, street: l.street, city: l.city, postalCode: l.postalCode, region: l.region, country: l.country, position: l.position };
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/** Ship-to locations of an account. Quote lines point at them, so a used one stays. */
@Injectable()
export class AccountLocationsService {
  constructor(
    @InjectRepository(AccountLocationEntity) private readonly locations: Repository<AccountLocationEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(accountId: string): Promise<AccountLocationDto[]> {
    await this.lockAccount(this.locations.manager, accountId, false);
    const rows = await this.locations.find({ where: { accountId }, order: { position: 'ASC', createdAt: 'ASC' } });
    return rows.map(toLocationDto);
  }

  async create(accountId: string, input: CreateAccountLocationDto, actor: Principal): Promise<AccountLocationDto> {
    return this.locations.manager.transaction(async (manager) => {
      // The account row lock serialises writers, so the name check and the next position hold.
      await this.lockAccount(manager, accountId, true);
      const name = input.name.trim();
      await this.assertNameFree(manager, accountId, name, null);
      const repo = manager.getRepository(AccountLocationEntity);
      const [{ next }] = (await manager.query('SELECT coalesce(max(position) + 1, 0)::int AS next FROM account_locations WHERE account_id = $1', [accountId])) as { next: number }[];
      const saved = await repo.save(
        repo.create({
          accountId,
          name,
          street: blankToNull(input.street) ?? null,
          city: blankToNull(input.city) ?? null,
          postalCode: blankToNull(input.postalCode) ?? null,
          region: blankToNull(input.region) ?? null,
          country: input.country ?? null,
          position: next,
        }),
      );
      await this.audit.record({ actorId: actor.id, action: 'account.location.created', targetType: 'account', targetId: accountId, detail: { locationId: saved.id, name } }, manager);
      return toLocationDto(saved);
    });
  }

  async update(accountId: string, locationId: string, input: UpdateAccountLocationDto, actor: Principal): Promise<AccountLocationDto> {
    return this.locations.manager.transaction(async (manager) => {
      await this.lockAccount(manager, accountId, true);
      const location = await this.find(manager, accountId, locationId);
      const next: Partial<AccountLocationEntity> = {};
      if (input.name !== undefined) next.name = input.name.trim();
      for (const key of ['street', 'city', 'postalCode', 'region'] as const) {
        const value = blankToNull(input[key]);
        if (value !== undefined) next[key] = value;
      }
      if (input.country !== undefined) next.country = input.country;
      const changed = Object.keys(next).filter((k) => next[k as keyof AccountLocationEntity] !== location[k as keyof AccountLocationEntity]);
      if (changed.length === 0) return toLocationDto(location);
      if (next.name !== undefined) await this.assertNameFree(manager, accountId, next.name, locationId);
      const saved = await manager.getRepository(AccountLocationEntity).save(Object.assign(location, next));
      await this.audit.record({ actorId: actor.id, action: 'account.location.updated', targetType: 'account', targetId: accountId, detail: { locationId, changed } }, manager);
      return toLocationDto(saved);
    });
  }

  async remove(accountId: string, locationId: string, actor: Principal): Promise<void> {
    await this.locations.manager.transaction(async (manager) => {
      await this.lockAccount(manager, accountId, true);
      const location = await this.find(manager, accountId, locationId);
      // FOR KEY SHARE on the line would not stop a new reference; locking the location row does.
      await manager.query('SELECT id FROM account_locations WHERE id = $1 FOR UPDATE', [locationId]);
      const used = (await manager.query(
        `SELECT q.id, q.number FROM quote_lines l JOIN quotes q ON q.id = l.quote_id WHERE l.ship_to_location_id = $1 ORDER BY q.number LIMIT 1`,
        [locationId],
      )) as { id: string; number: string }[];
      if (used.length > 0) {
        throw conflict('location_in_use', `Location '${location.name}' is the ship-to of lines on quote ${used[0].number}; change those lines first.`, {
          quoteId: used[0].id,
          quoteNumber: used[0].number,
        });
      }
      await manager.getRepository(AccountLocationEntity).delete({ id: locationId });
      await this.audit.record({ actorId: actor.id, action: 'account.location.deleted', targetType: 'account', targetId: accountId, detail: { locationId, name: location.name } }, manager);
    });
  }

  private async lockAccount(manager: EntityManager, accountId: string, forUpdate: boolean): Promise<void> {
    const account = await manager.getRepository(AccountEntity).findOne({ where: { id: accountId }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!account) throw notFound('Account', accountId);
  }

  private async find(manager: EntityManager, accountId: string, locationId: string): Promise<AccountLocationEntity> {
    const location = await manager.getRepository(AccountLocationEntity).findOneBy({ id: locationId, accountId });
    if (!location) throw notFound('Location', locationId);
    return location;
  }

  private async assertNameFree(manager: EntityManager, accountId: string, name: string, exceptId: string | null): Promise<void> {
    const qb = manager.getRepository(AccountLocationEntity).createQueryBuilder('l').where('l.account_id = :accountId AND lower(l.name) = lower(:name)', { accountId, name });
    if (exceptId) qb.andWhere('l.id <> :id', { id: exceptId });
    if (await qb.getExists()) {
      throw conflict('location_name_taken', `The account already has a location named '${name}'.`, { errors: [{ field: 'name', message: 'already in use' }] });
    }
  }
}
