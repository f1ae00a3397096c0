import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The one business calendar (row id 1) that reminders and escalations count in. */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'working_days', type: 'smallint', array: true })
  workingDays!: number[];

  @Column({ name: 'start_time', type: 'text' })
  start!: string;

  @Column({ name: 'end_time', type: 'text' })
  end!: string;

  @Column({ type: 'text', array: true })
  holidays!: string[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
