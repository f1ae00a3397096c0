import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalRuleDefinition, VariableDefinition } from '@signet/approvals-domain';

/** A rule as the engine takes it, with its name for people. */
export type RuleSetRule = ApprovalRuleDefinition & { name: string };

/**
 * An immutable snapshot of every active rule and every variable, written on each change.
 * Submissions record the version they were evaluated with, so their plan can be replayed.
 */
@Entity({ name: 'approval_rule_sets' })
export class ApprovalRuleSetEntity {
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb' })
  rules!: RuleSetRule[];

  @Column({ type: 'jsonb' })
  variables!: VariableDefinition[];
}
