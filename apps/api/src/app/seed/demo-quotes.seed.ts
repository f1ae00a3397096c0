import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AccountsService } from '../catalogue/accounts.service';
import type { CreateProductDto } from '../catalogue/dto/product.dto';
import { FieldsService } from '../catalogue/fields.service';
import { ProductEntity } from '../catalogue/product.entity';
import { ProductsService } from '../catalogue/products.service';
import { Role } from '../common/roles';
import type { LineInputDto } from '../quotes/dto/quote-line.dto';
import { QuotesService } from '../quotes/quotes.service';
import { UserEntity } from '../users/user.entity';
import { DemoCatalogueSeed } from './demo-catalogue.seed';

const PRODUCTS: CreateProductDto[] = [
  { sku: 'HW-X1', name: 'Signet Appliance X1', family: 'Hardware', chargeType: 'one-time', listPrice: '4800.00', ssp: '4500.00', assetConversion: 'per-unit' },
  { sku: 'SUB-SEAT', name: 'Platform seat', family: 'License', chargeType: 'recurring', listPrice: '1200.00', ssp: '1100.00', termMonths: 12 },
  { sku: 'SUB-ANALYTICS', name: 'Analytics add-on', family: 'License', chargeType: 'recurring', listPrice: '600.00', ssp: '550.00', termMonths: 12 },
  { sku: 'SUP-PREMIUM', name: 'Premium support', family: 'Support', chargeType: 'recurring', listPrice: '2400.00', termMonths: 12 },
  { sku: 'SVC-ONBOARD', name: 'Onboarding services', family: 'Services', chargeType: 'one-time', listPrice: '7500.00', ssp: '7000.00' },
  { sku: 'HW-X0', name: 'Signet Appliance X0 (retired)', family: 'Hardware', chargeType: 'one-time', listPrice: '3900.00', assetConversion: 'per-unit' },
];

const ACCOUNTS = [
  { name: 'Acme Corporation', accountNumber: 'C-10001', country: 'DE' },
  { name: 'Globex', accountNumber: 'C-10002', country: 'US' },
  { name: 'Initech', accountNumber: 'C-10003', country: 'GB' },
  { name: 'Umbrella Health', accountNumber: 'C-10004', country: 'FR' },
];

const line = (sku: string, quantity: string, more: Partial<LineInputDto> = {}): LineInputDto => ({ sku, quantity, ...more });

/** Catalogue, custom fields and three quotes for the demo (skipped when the demo products exist), then the details seed. */
@Injectable()
export class DemoQuotesSeed {
  private readonly logger = new Logger(DemoQuotesSeed.name);

  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly productsService: ProductsService,
    private readonly accounts: AccountsService,
    private readonly fields: FieldsService,
    private readonly quotes: QuotesService,
    private readonly details: DemoCatalogueSeed,
  ) {}

  async run(): Promise<void> {
    const admin = await this.principal('admin@demo.signet', [Role.Admin]);
    const sales = await this.principal('sales@demo.signet', [Role.Sales]);
    if (!admin || !sales) return;
    if (!(await this.products.existsBy({ sku: PRODUCTS[0].sku }))) await this.base(admin, sales);
    await this.details.run(admin, sales);
  }

  private async base(admin: Principal, sales: Principal): Promise<void> {
    for (const product of PRODUCTS) await this.productsService.create(product, admin);
    const retired = await this.products.findOneByOrFail({ sku: 'HW-X0' });
    await this.productsService.update(retired.id, { active: false }, admin);
    const ids: string[] = [];
    for (const account of ACCOUNTS) ids.push((await this.accounts.create(account, admin)).id);
    await this.fields.create({ object: 'quote', name: 'region', label: 'Region', type: 'picklist', options: ['EMEA', 'AMER', 'APAC'] }, admin);
    await this.fields.create({ object: 'quote', name: 'strategic', label: 'Strategic deal', type: 'boolean' }, admin);
    await this.fields.create({ object: 'line', name: 'shipTo', label: 'Ship to', type: 'text' }, admin);
    const bundle = '5e1a7c3e-0d6b-4f0a-9a51-3d1f6c2b9a01';
    await this.quotes.create(
      {
        name: 'Acme platform rollout',
        accountId: ids[0],
        startDate: '2026-07-01',
        termMonths: 12,
        validUntil: '2026-06-30',
        fields: { region: 'EMEA', strategic: true },
        lines: [
          line('HW-X1', '2', { id: bundle, group: 'Phase 1', discountPercent: '10', fields: { shipTo: 'Berlin' } }),
          line('SVC-ONBOARD', '1', { parentId: bundle, group: 'Phase 1' }),
          line('HW-X1', '1', { group: 'Phase 1', discountPercent: '10', fields: { shipTo: 'Paris' } }),
          line('SUB-SEAT', '200', { group: 'Phase 1', discountPercent: '15' }),
          line('SUB-ANALYTICS', '200', { group: 'Phase 2', discountPercent: '10', startDate: '2027-01-01' }),
          line('SUP-PREMIUM', '1', { group: 'Phase 2' }),
        ],
      },
      sales,
    );
    await this.quotes.create(
      { name: 'Globex renewal', accountId: ids[1], startDate: '2026-09-01', termMonths: 12, fields: { region: 'AMER' }, lines: [line('SUB-SEAT', '50', { discountPercent: '5' }), line('SUP-PREMIUM', '1')] },
      sales,
    );
    await this.quotes.create(
      { name: 'Initech pilot', accountId: ids[2], startDate: '2026-08-15', termMonths: 6, fields: { region: 'EMEA' }, lines: [line('SUB-SEAT', '25', { discountPercent: '30' }), line('SVC-ONBOARD', '1', { discountPercent: '50' })] },
      sales,
    );
    this.logger.log(`Demo data: ${PRODUCTS.length} products, ${ACCOUNTS.length} accounts, 3 fields, 3 quotes`);
  }

  private async principal(email: string, roles: Role[]): Promise<Principal | null> {
    const user = await this.users.findOneBy({ email });
    return user ? { kind: 'user', id: user.id, roles, email } : null;
  }
}
