import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { CreateProductDto } from '../catalogue/dto/product.dto';
import { ProductEntity } from '../catalogue/product.entity';
import { ProductsService } from '../catalogue/products.service';
import type { LineInputDto } from '../quotes/dto/quote-line.dto';
import { QuotesService } from '../quotes/quotes.service';

const BUNDLE_SKU = 'BDL-STARTER';

const PRODUCTS: CreateProductDto[] = [
  { sku: 'HW-RACK', name: 'Rack mounting kit', family: 'Hardware', chargeType: 'one-time', listPrice: '350.00', ssp: '320.00', assetConversion: 'per-unit' },
  { sku: 'SVC-TRAINING', name: 'Admin training day', family: 'Services', chargeType: 'one-time', listPrice: '1500.00', ssp: '1400.00' },
  { sku: 'SUB-API', name: 'API access tier', family: 'License', chargeType: 'recurring', listPrice: '3600.00', ssp: '3300.00', termMonths: 12 },
  { sku: BUNDLE_SKU, name: 'Starter bundle (appliance, rack, 10 seats, onboarding)', family: 'Bundles', chargeType: 'one-time', listPrice: '0.00' },
];

/** Bundle components: sku, quantity per bundle. */
const COMPONENTS: [string, string][] = [
  ['HW-X1', '1'],
  ['HW-RACK', '1'],
  ['SUB-SEAT', '10'],
  ['SVC-ONBOARD', '1'],
];

/** Currency, billing address, ERP ids and ship-to locations per account number. */
const ACCOUNT_DETAILS = [
  { number: 'C-10001', currency: 'EUR', billing: { street: 'Friedrichstraße 68', city: 'Berlin', postalCode: '10117', country: 'DE' }, ids: { sap: '0000100001', netsuite: '9001' }, locations: [['Berlin DC', 'Berlin', 'DE'], ['Munich office', 'Munich', 'DE'], ['Paris branch', 'Paris', 'FR']] },
  { number: 'C-10002', currency: 'USD', billing: { street: '1 Globex Way', city: 'Cypress Creek', postalCode: '97401', country: 'US' }, ids: { sap: '0000100002', netsuite: '9002' }, locations: [['Oregon HQ', 'Cypress Creek', 'US'], ['Austin DC', 'Austin', 'US'], ['Toronto', 'Toronto', 'CA'], ['Mexico City', 'Mexico City', 'MX']] },
  { number: 'C-10003', currency: 'GBP', billing: { street: '4120 Freidrich Lane', city: 'London', postalCode: 'EC1A 1BB', country: 'GB' }, ids: { sap: '0000100003', netsuite: '9003' }, locations: [['London office', 'London', 'GB'], ['Manchester', 'Manchester', 'GB']] },
  { number: 'C-10004', currency: 'EUR', billing: { street: '12 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' }, ids: { sap: '0000100004', netsuite: '9004' }, locations: [['Paris clinic', 'Paris', 'FR'], ['Lyon clinic', 'Lyon', 'FR'], ['Brussels lab', 'Brussels', 'BE']] },
];

/** Lines of the large demo quote (over 2,000): what a global fleet refresh looks like. */
const LARGE_QUOTE_LINES = 2_100;

/**
 * The richer half of the demo: a bundle with components, account currencies, billing addresses,
 * ERP ids and ship-to locations (plain SQL, set-based), a multi-site quote with groups, ship-to
 * and an `orderBy`, and a 2,100-line quote. Skipped when the bundle product exists.
 */
@Injectable()
export class DemoCatalogueSeed {
  private readonly logger = new Logger(DemoCatalogueSeed.name);

  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    private readonly productsService: ProductsService,
    private readonly quotes: QuotesService,
  ) {}

  async run(admin: Principal, sales: Principal): Promise<void> {
    if (await this.products.existsBy({ sku: BUNDLE_SKU })) return;
    const started = Date.now();
    for (const product of PRODUCTS) await this.productsService.create(product, admin);
    const q = this.products.manager;
    await q.query(
      `INSERT INTO product_components (bundle_id, component_id, quantity, position)
       SELECT b.id, c.id, v.quantity::numeric, v.position
         FROM unnest($2::text[], $3::text[], $4::int[]) AS v(sku, quantity, position)
         JOIN products c ON c.sku = v.sku JOIN products b ON b.sku = $1
       ON CONFLICT DO NOTHING`,
      [BUNDLE_SKU, COMPONENTS.map((c) => c[0]), COMPONENTS.map((c) => c[1]), COMPONENTS.map((_, i) => i)],
    );
    await q.query(
      `UPDATE accounts a SET currency = v.currency, billing_address = v.billing::jsonb, external_ids = v.ids::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(number, currency, billing, ids)
        WHERE a.account_number = v.number`,
      [ACCOUNT_DETAILS.map((a) => a.number), ACCOUNT_DETAILS.map((a) => a.currency), ACCOUNT_DETAILS.map((a) => JSON.stringify(a.billing)), ACCOUNT_DETAILS.map((a) => JSON.stringify(a.ids))],
    );
    const locations = ACCOUNT_DETAILS.flatMap((a) => a.locations.map(([name, city, country], position) => ({ number: a.number, name, city, country, position })));
    await q.query(
      `INSERT INTO account_locations (account_id, name, city, country, position)
       SELECT a.id, v.name, v.city, v.country, v.position
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS v(number, name, city, country, position)
         JOIN accounts a ON a.account_number = v.number
       ON CONFLICT DO NOTHING`,
      [locations.map((l) => l.number), locations.map((l) => l.name), locations.map((l) => l.city), locations.map((l) => l.country), locations.map((l) => l.position)],
    );
    const accounts: { id: string; number: string }[] = await q.query(`SELECT id, account_number AS number FROM accounts WHERE account_number = ANY($1::text[])`, [ACCOUNT_DETAILS.map((a) => a.number)]);
    const idOf = new Map(accounts.map((a) => [a.number, a.id]));
    const sites: { id: string; number: string; name: string }[] = await q.query(
      `SELECT l.id, a.account_number AS number, l.name FROM account_locations l JOIN accounts a ON a.id = l.account_id ORDER BY a.account_number, l.position`,
    );
    const siteOf = (number: string, name: string) => sites.find((s) => s.number === number && s.name === name)?.id ?? null;
    const umbrella = idOf.get('C-10004');
    const globex = idOf.get('C-10002');
    if (!umbrella || !globex) return;

    await this.quotes.create(
      {
        name: 'Umbrella Health clinics rollout',
        accountId: umbrella,
        startDate: '2026-10-01',
        termMonths: 36,
        orderBy: ['group', 'shipTo'],
        groups: [{ name: 'Wave 1 — Paris' }, { name: 'Wave 2 — Lyon and Brussels', startDate: '2027-01-01' }],
        fields: { region: 'EMEA' },
        lines: [
          { sku: BUNDLE_SKU, quantity: '2', group: 'Wave 1 — Paris', discountPercent: '12', shipToLocationId: siteOf('C-10004', 'Paris clinic') },
          { sku: 'SUP-PREMIUM', quantity: '1', group: 'Wave 1 — Paris', shipToLocationId: siteOf('C-10004', 'Paris clinic') },
          { sku: BUNDLE_SKU, quantity: '1', group: 'Wave 2 — Lyon and Brussels', discountPercent: '12', shipToLocationId: siteOf('C-10004', 'Lyon clinic') },
          { sku: 'HW-X1', quantity: '2', group: 'Wave 2 — Lyon and Brussels', discountPercent: '8', shipToLocationId: siteOf('C-10004', 'Brussels lab') },
          { sku: 'SVC-TRAINING', quantity: '3', group: 'Wave 2 — Lyon and Brussels' },
        ],
      },
      sales,
    );

    const globexSites = sites.filter((s) => s.number === 'C-10002');
    const skus = ['SUB-SEAT', 'SUB-ANALYTICS', 'HW-X1', 'HW-RACK', 'SUB-API', 'SVC-TRAINING'];
    const regions = ['AMER North', 'AMER South', 'Canada'];
    const lines: LineInputDto[] = Array.from({ length: LARGE_QUOTE_LINES }, (_, i) => ({
      sku: skus[i % skus.length],
      quantity: String(1 + (i % 25)),
      discountPercent: String((i * 7) % 30),
      group: regions[i % regions.length],
      shipToLocationId: globexSites[i % globexSites.length]?.id ?? null,
    }));
    await this.quotes.create(
      {
        name: `Globex global fleet refresh (${LARGE_QUOTE_LINES} lines)`,
        accountId: globex,
        startDate: '2026-11-01',
        termMonths: 24,
        orderBy: ['group'],
        groups: [{ name: 'AMER North' }, { name: 'AMER South', startDate: '2027-02-01' }, { name: 'Canada', startDate: '2027-04-01' }],
        fields: { region: 'AMER' },
        lines,
      },
      sales,
    );
    this.logger.log(`Demo data: bundle ${BUNDLE_SKU}, ${locations.length} ship-to locations, 2 more quotes (one of ${LARGE_QUOTE_LINES} lines) in ${Date.now() - started} ms`);
  }
}
