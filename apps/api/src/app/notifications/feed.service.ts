import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { NotificationKind } from '@signet/notifications-domain';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { pageWindow } from '../common/pagination';
import type { FeedQueryDto, NotificationDto, NotificationPageDto, UnreadCountDto } from './dto/feed.dto';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  quoteId: string | null;
  requestId: string | null;
  createdAt: Date;
}

function toDto(row: NotificationEntity): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    quoteId: row.quoteId,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The in-app feed: one row per notification per user, newest first, with read marks. */
@Injectable()
export class FeedService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  async add(input: NewNotification, manager?: EntityManager): Promise<NotificationEntity> {
    const repo = manager ? manager.getRepository(NotificationEntity) : this.notifications;
    return repo.save(repo.create({ ...input, readAt: null }));
  }

  async list(userId: string, query: FeedQueryDto): Promise<NotificationPageDto> {
    const [rows, total] = await this.notifications.findAndCount({
      where: query.unread ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    });
    const unread = query.unread ? total : await this.notifications.countBy({ userId, readAt: IsNull() });
    return { items: rows.map(toDto), total, unread };
  }

  async unreadCount(userId: string): Promise<UnreadCountDto> {
    const [row] = await this.notifications.query(
      `SELECT count(*) FILTER (WHERE read_at IS NULL) AS unread, max(created_at) AS latest FROM notifications WHERE user_id = $1`,
      [userId],
    ) as { unread: string; latest: Date | null }[];
    return { unread: Number(row?.unread ?? 0), latestAt: row?.latest ? new Date(row.latest).toISOString() : null };
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationDto> {
    const row = await this.notifications.findOneBy({ id, userId });
    if (!row) throw notFound('Notification', id);
    if (!row.readAt) {
      row.readAt = at;
      await this.notifications.update({ id, userId }, { readAt: at });
    }
    return toDto(row);
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const result = await this.notifications.update({ userId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }
}
