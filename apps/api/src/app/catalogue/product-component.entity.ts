import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One component of a bundle with its default quantity. */
@Entity({ name: 'product_components' })
export class ProductComponentEntity {
  @PrimaryColumn({ name: 'bundle_id', type: 'uuid' })
  bundleId!: string;

  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  /** numeric(18,4) as a decimal string. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
