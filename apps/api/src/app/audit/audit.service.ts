import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records an event; pass the transaction's manager so the record commits with the change. */
  async record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.events;
    const row = repo.create({
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      detail: event.detail ?? {},
      ip: event.ip ?? null,
    });
    await repo.save(row, { reload: false });
  }

  async list(query: PageQueryDto & { action?: string }): Promise<Page<AuditEventEntity>> {
    const [items, total] = await this.events.findAndCount({
      where: query.action ? { action: query.action } : {},
      order: { id: 'DESC' },
      ...pageWindow(query),
    });
    return { items, total };
  }

  async countSince(action: string, since: Date): Promise<number> {
    return this.events.createQueryBuilder('e').where('e.action = :action AND e.at >= :since', { action, since }).getCount();
  }
}
