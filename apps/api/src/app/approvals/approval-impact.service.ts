import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApprovalWorld, comparePlans, createApprovalState, type PlanDifference, planSubmission, type Quote } from '@signet/approvals-domain';
import type { DataSource } from 'typeorm';
import type { RuleSetRule } from '../approval-rules/approval-rule-set.entity';
import { ApprovalRulesService } from '../approval-rules/approval-rules.service';
import { inputToShape, toRuleDefinition } from '../approval-rules/rule-definitions';
import { RuleSetsService } from '../approval-rules/rule-sets.service';
import { AppError } from '../common/app-error';
import { todayIso } from '../common/clock';
import { DirectoryService } from '../directory/directory.service';
import { peopleById } from './approval-views';
import type { ImpactDto, ImpactRequestDto } from './dto/impact.dto';

/**
 * Rule-change impact: the last N submitted quotes are replayed (from the quote snapshot stored at
 * submit) against the rule set in force and against the draft; the differences are listed per
 * quote before the draft is saved. Smart approvals are left out: both sides plan a first submission.
 */
@Injectable()
export class ApprovalImpactService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly rules: ApprovalRulesService,
    private readonly directory: DirectoryService,
  ) {}

  async impact(input: ImpactRequestDto): Promise<ImpactDto> {
    const manager = this.db.manager;
    const current = await this.ruleSets.current(manager);
    const upserts = input.upsert ?? [];
    for (const [i, draft] of upserts.entries()) {
      const check = await this.rules.validate(draft);
      if (!check.valid) {
        throw new AppError(400, 'invalid_rule', 'Invalid approval rule', `upsert.${i}.${check.errors[0].field}: ${check.errors[0].message}`, {
          errors: check.errors.map((e) => ({ ...e, field: `upsert.${i}.${e.field}` })),
        });
      }
    }
    const removed = new Set([...(input.remove ?? []), ...upserts.flatMap((d) => (d.id ? [d.id] : []))]);
    const draftRules: RuleSetRule[] = [
      ...current.rules.filter((r) => !removed.has(r.id)),
      ...upserts.filter((d) => d.active !== false).map((d, i) => ({ ...toRuleDefinition(d.id ?? `draft-${i + 1}`, inputToShape(d)), name: d.name })),
    ];
    const names = new Map([...current.rules, ...draftRules].map((r) => [r.id, r.name]));
    const rows: { quote_id: string; number: string; name: string; submitted_at: Date; quote_snapshot: Quote }[] = await manager.query(
      `SELECT DISTINCT ON (s.quote_id) s.quote_id, q.number, q.name, s.submitted_at, s.quote_snapshot
         FROM approval_submissions s JOIN quotes q ON q.id = s.quote_id
        ORDER BY s.quote_id, s.sequence DESC`,
    );
    rows.sort((a, b) => b.submitted_at.getTime() - a.submitted_at.getTime());
    const recent = rows.slice(0, input.limit ?? 50);
    const directory = await this.directory.load(manager);
    const today = todayIso();
    const planWith = (rules: RuleSetRule[], quote: Quote) => {
      const world: ApprovalWorld = { today, directory, variables: current.variables, rules, quote };
      const state = createApprovalState(world);
      if (!state.ok) throw new AppError(409, 'invalid_configuration', 'Invalid approval configuration', state.error.message);
      return planSubmission(state.value);
    };
    const found = recent.map((row) => ({ row, differences: comparePlans(planWith(current.rules, row.quote_snapshot), planWith(draftRules, row.quote_snapshot)) }));
    const person = await peopleById(manager, found.flatMap((f) => f.differences.flatMap((d) => [...(d.before?.assignees ?? []), ...(d.after?.assignees ?? [])])));
    const who = (ids: readonly string[]) => ids.map((id) => person(id).displayName).join(', ') || 'nobody';
    const text = (d: PlanDifference, rule: string) => {
      if (d.kind === 'added') return `would also need ${rule} (step ${d.after?.step}: ${who(d.after?.assignees ?? [])})`;
      if (d.kind === 'removed') return `would no longer need ${rule}`;
      if (d.kind === 'step') return `${rule} would move from step ${d.before?.step} to step ${d.after?.step}`;
      return `${rule} would be decided by ${who(d.after?.assignees ?? [])} instead of ${who(d.before?.assignees ?? [])}`;
    };
    const quotes = found
      .filter((f) => f.differences.length > 0)
      .map(({ row, differences }) => ({
        quoteId: row.quote_id,
        number: row.number,
        name: row.name,
        submittedAt: row.submitted_at.toISOString(),
        differences: differences.map((d) => {
          const ruleName = names.get(d.ruleId) ?? d.ruleId;
          return { ruleId: d.ruleId, ruleName, kind: d.kind, before: d.before && { step: d.before.step, assignees: [...d.before.assignees] }, after: d.after && { step: d.after.step, assignees: [...d.after.assignees] }, text: text(d, ruleName) };
        }),
      }));
    return { compared: recent.length, affected: quotes.length, quotes, currentVersion: current.version };
  }
}
