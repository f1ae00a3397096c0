import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type ChargeType = 'one-time' | 'recurring';
export type RevenueMethod = 'point-in-time' | 'ratable';
export type AssetConversion = 'per-unit' | 'per-line' | 'none';

@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  family!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'charge_type', type: 'text' })
  chargeType!: ChargeType;

  @Column({ name: 'revenue_method', type: 'text' })
  revenueMethod!: RevenueMethod;

  /** numeric(18,2) as a decimal string; recurring products: per unit per 12 months. */
  @Column({ name: 'list_price', type: 'numeric', precision: 18, scale: 2 })
  listPrice!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  ssp!: string | null;

  @Column({ name: 'term_months', type: 'integer', nullable: true })
  termMonths!: number | null;

  @Column({ name: 'asset_conversion', type: 'text', default: 'none' })
  assetConversion!: AssetConversion;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
