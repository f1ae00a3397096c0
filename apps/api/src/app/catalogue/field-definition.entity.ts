import type { FieldObject, FieldType } from '@signet/quotes-domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'field_definitions' })
export class FieldDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  object!: FieldObject;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  type!: FieldType;

  @Column({ type: 'text', array: true, nullable: true })
  options!: string[] | null;

  @Column({ type: 'boolean', default: false })
  multiple!: boolean;

  /** Decimals a `decimal` field allows; null: any. */
  @Column({ type: 'smallint', nullable: true })
  scale!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
