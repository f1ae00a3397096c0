import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { StoredValue } from './approval-rule.entity';

export interface StoredLineFilter {
  field: string;
  op: string;
  value?: StoredValue;
}

/** An aggregate over quote lines (sum, avg, min, max, count, discount) that conditions can test. */
@Entity({ name: 'approval_variables' })
export class ApprovalVariableEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  function!: 'sum' | 'avg' | 'min' | 'max' | 'count' | 'discount';

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ name: 'filters', type: 'jsonb', default: [] })
  where!: StoredLineFilter[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
