import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The customer's number in the CRM or ERP; unique when present. */
  @Column({ name: 'account_number', type: 'text', nullable: true })
  accountNumber!: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text', nullable: true })
  country!: string | null;

  /** ISO 4217; the default currency of the account's new quotes. */
  @Column({ type: 'text', default: 'USD' })
  currency!: string;

  @Column({ name: 'billing_address', type: 'jsonb', nullable: true })
  billingAddress!: Record<string, string> | null;

  /** The account's id in each ERP, by connector (`{ sap: '17100001', netsuite: '1042' }`). */
  @Column({ name: 'external_ids', type: 'jsonb', default: {} })
  externalIds!: Partial<Record<'sap' | 'netsuite' | 'webhook', string>>;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
