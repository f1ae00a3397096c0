import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** "I'm away from … to …, my delegate is …": the delegate may act on the approver's requests. */
@Entity({ name: 'delegations' })
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'approver_id' })
  approver!: UserEntity;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'delegate_id' })
  delegate!: UserEntity;

  /** Inclusive business dates. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
