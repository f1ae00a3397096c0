import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { invalidInput } from '../common/app-error';
import { toPersonDto } from '../directory/groups.service';
import { UserEntity } from '../users/user.entity';
import { ApprovalRuleEntity } from './approval-rule.entity';
import type { AffectedGroupDto, AffectedRequestDto, SubstituteDto, SubstitutionResultDto } from './dto/substitution.dto';
import { RuleSetsService } from './rule-sets.service';

/** Moves what is assigned to one approver onto another; open requests are handled by a hook. */
export interface OpenRequestSubstitution {
  affected(manager: EntityManager, fromId: string): Promise<AffectedRequestDto[]>;
  apply(manager: EntityManager, fromId: string, toId: string, actor: Principal): Promise<void>;
}

export const OPEN_REQUEST_SUBSTITUTION = Symbol('OPEN_REQUEST_SUBSTITUTION');

@Injectable()
export class SubstitutionService {
  private requests: OpenRequestSubstitution | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditService,
  ) {}

  /** The approvals module registers how open requests move (it owns submissions). */
  registerOpenRequests(requests: OpenRequestSubstitution): void {
    this.requests = requests;
  }

  /**
   * Every rule naming `from` as its user approver and every group membership of `from` now name
   * `to`; every open request assigned to `from` is reassigned to `to`. Dry run: the same lists,
   * nothing changed. One transaction; a new rule-set version when a rule changed.
   */
  async substitute(input: SubstituteDto, dryRun: boolean, actor: Principal): Promise<SubstitutionResultDto> {
    return this.db.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const [from, to] = await Promise.all([users.findOneBy({ id: input.fromId }), users.findOneBy({ id: input.toId })]);
      const errors: { field: string; message: string }[] = [];
      if (!from) errors.push({ field: 'fromId', message: `no user with id ${input.fromId}` });
      if (!to || !to.active) errors.push({ field: 'toId', message: `no active user with id ${input.toId}` });
      else if (!to.roles.some((r) => r === 'approver' || r === 'admin')) errors.push({ field: 'toId', message: `${to.displayName} cannot approve (needs the approver role)` });
      if (input.fromId === input.toId) errors.push({ field: 'toId', message: 'the replacement is the same person' });
      if (errors.length > 0 || !from || !to) throw invalidInput(errors);
      if (!dryRun) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('signet.approval_rule_sets'))`);
      const query = manager.getRepository(ApprovalRuleEntity).createQueryBuilder('r');
      if (!dryRun) query.setLock('pessimistic_write');
      const rules = await query
        .where(`r.approver->>'type' = 'user' AND r.approver->>'userId' = :id`, { id: from.id })
        .orderBy('r.step')
        .addOrderBy('r.name')
        .getMany();
      const groups: { id: string; name: string; already_member: boolean }[] = await manager.query(
        `SELECT g.id, g.name, EXISTS (SELECT 1 FROM user_group_members o WHERE o.group_id = g.id AND o.user_id = $2) AS already_member
           FROM user_groups g JOIN user_group_members m ON m.group_id = g.id AND m.user_id = $1 ORDER BY lower(g.name)`,
        [from.id, to.id],
      );
      const openRequests = (await this.requests?.affected(manager, from.id)) ?? [];
      let ruleSetVersion: number | null = null;
      if (!dryRun) {
        for (const rule of rules) {
          rule.approver = { ...rule.approver, userId: to.id };
          await manager.getRepository(ApprovalRuleEntity).save(rule);
        }
        await manager.query(
          `INSERT INTO user_group_members (group_id, user_id) SELECT group_id, $2 FROM user_group_members WHERE user_id = $1 ON CONFLICT DO NOTHING`,
          [from.id, to.id],
        );
        await manager.query(`DELETE FROM user_group_members WHERE user_id = $1`, [from.id]);
        await manager.query(`UPDATE user_groups SET updated_at = now(), version = version + 1 WHERE id = ANY($1)`, [groups.map((g) => g.id)]);
        if (rules.length > 0) ruleSetVersion = await this.ruleSets.publish(manager, actor.id, `substitution ${from.displayName} → ${to.displayName}`);
        await this.requests?.apply(manager, from.id, to.id, actor);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'approver.substituted',
            targetType: 'user',
            targetId: from.id,
            detail: { fromId: from.id, toId: to.id, rules: rules.map((r) => r.id), groups: groups.map((g) => g.id), openRequests: openRequests.map((r) => r.id), ruleSetVersion },
          },
          manager,
        );
      }
      const affectedGroups: AffectedGroupDto[] = groups.map((g) => ({ id: g.id, name: g.name, alreadyMember: g.already_member }));
      return {
        dryRun,
        from: toPersonDto(from),
        to: toPersonDto(to),
        rules: rules.map((r) => ({ id: r.id, name: r.name, step: r.step, chain: r.chain })),
        groups: affectedGroups,
        openRequests,
        ruleSetVersion,
      };
    });
  }
}
