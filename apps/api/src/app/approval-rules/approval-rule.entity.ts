import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** How a rule names its approver, as stored (the API's shape; the engine's shape is derived). */
export interface StoredApprover {
  type: 'user' | 'group' | 'field' | 'managerOf';
  userId?: string;
  groupId?: string;
  mode?: 'all' | 'any' | 'quorum';
  quorum?: number;
  field?: string;
}

export type StoredValue = string | number | boolean | null | (string | number)[];

export interface StoredCondition {
  index: number;
  tested: string;
  op: string;
  value?: StoredValue;
  field?: string;
  variable?: string;
  smart: boolean;
}

@Entity({ name: 'approval_rules' })
export class ApprovalRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** A name for a group of rules, for people; ordering is by step across all rules. */
  @Column({ type: 'text', nullable: true })
  chain!: string | null;

  @Column({ type: 'integer' })
  step!: number;

  @Column({ type: 'jsonb' })
  approver!: StoredApprover;

  @Column({ name: 'conditions_met', type: 'text' })
  conditionsMet!: 'all' | 'any' | 'custom';

  @Column({ type: 'text', nullable: true })
  logic!: string | null;

  @Column({ type: 'jsonb', default: [] })
  conditions!: StoredCondition[];

  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom!: string | null;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({ name: 'reevaluate_smart_individually', type: 'boolean', default: false })
  reevaluateSmartIndividually!: boolean;

  /** Inactive rules stay for reference but are left out of the rule set. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
