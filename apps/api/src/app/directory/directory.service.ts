import { Injectable } from '@nestjs/common';
import type { Directory } from '@signet/approvals-domain';
import type { EntityManager } from 'typeorm';

/**
 * The approvals engine's view of people: active users with their managers, groups with their
 * active members, and every delegation. Read in one round of set-based queries.
 */
@Injectable()
export class DirectoryService {
  async load(manager: EntityManager): Promise<Directory> {
    const [users, members, delegations] = await Promise.all([
      manager.query(`SELECT id, manager_id FROM users WHERE active`) as Promise<{ id: string; manager_id: string | null }[]>,
      manager.query(
        `SELECT g.id, coalesce(array_agg(m.user_id) FILTER (WHERE u.active), '{}') AS members
           FROM user_groups g LEFT JOIN user_group_members m ON m.group_id = g.id LEFT JOIN users u ON u.id = m.user_id
          GROUP BY g.id`,
      ) as Promise<{ id: string; members: string[] }[]>,
      manager.query(`SELECT approver_id, delegate_id, starts_on::text, ends_on::text FROM delegations`) as Promise<
        { approver_id: string; delegate_id: string; starts_on: string; ends_on: string }[]
      >,
    ]);
    return {
      users: users.map((u) => ({ id: u.id, managerId: u.manager_id })),
      groups: members.map((g) => ({ id: g.id, members: g.members })),
      delegations: delegations.map((d) => ({ approver: d.approver_id, delegate: d.delegate_id, from: d.starts_on, to: d.ends_on })),
    };
  }
}
