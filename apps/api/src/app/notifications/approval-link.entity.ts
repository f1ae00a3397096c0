import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One emailed pair of approve/reject links; `usedAt` makes it single-use. */
@Entity({ name: 'approval_links' })
export class ApprovalLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'used_decision', type: 'text', nullable: true })
  usedDecision!: 'approve' | 'reject' | null;

  @Column({ name: 'used_ip', type: 'text', nullable: true })
  usedIp!: string | null;
}
