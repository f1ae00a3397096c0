import { d, draft, HEADER, HW, SUB } from '../testing/fixtures';
import { editLines } from './edit-lines';
import { quoteTotals } from './quote-totals';
import { approvalQuoteView, ordersQuoteView } from './quote-views';
import { CATALOG } from '../testing/fixtures';

const edited = editLines(
  [],
  {
    upsert: [
      draft('R', {
        productId: HW.id,
        quantity: d(3),
        discountPercent: d(10),
        fields: { shipTo: 'Berlin' },
      }),
      draft('C', {
        productId: SUB.id,
        quantity: d(10),
        parentId: 'R',
        group: 'Phase 1',
      }),
    ],
    remove: [],
  },
  {
    header: HEADER,
    catalog: CATALOG,
    fieldDefinitions: [
      {
        object: 'line',
        name: 'shipTo',
        label: 'Ship to',
        type: 'text',
        options: null,
        multiple: false,
      },
    ],
  },
);
if (!edited.ok) throw edited.error;
const lines = edited.value.lines;
const header = { ...HEADER, fields: { region: 'EMEA' } };

describe('approvalQuoteView', () => {
  it('exposes totals and custom fields as quote fields, and line amounts as line fields', () => {
    const view = approvalQuoteView(
      { ...header, accountName: 'Acme' },
      quoteTotals(lines),
      lines,
    );
    expect(view.fields).toMatchObject({
      region: 'EMEA',
      accountName: 'Acme',
      netTotal: 14700,
      listTotal: 15000,
      discountPercent: 2,
      lineCount: 2,
    });
    expect(view.lines[0].fields).toMatchObject({
      shipTo: 'Berlin',
      family: 'Hardware',
      netTotal: 2700,
      listTotal: 3000,
      quantity: 3,
      discountPercent: 10,
    });
    expect(view.lines[1].fields).toMatchObject({
      parentId: 'R',
      group: 'Phase 1',
      startDate: '2026-01-31',
      endDate: '2027-01-30',
    });
  });
});

describe('ordersQuoteView', () => {
  it('hands the orders engine resolved dates, bundle parents and Decimal amounts', () => {
    const view = ordersQuoteView(header, lines);
    expect(view).toMatchObject({
      id: 'q1',
      account: 'acme',
      startDate: '2026-01-31',
    });
    expect(
      view.lines.map((l) => [
        l.id,
        l.sku,
        l.quantity.toString(),
        l.netTotal.toFixed2(),
        l.parent,
        l.endDate,
        l.fields,
      ]),
    ).toEqual([
      ['R', 'HW', '3', '2700.00', null, '2026-01-31', { shipTo: 'Berlin' }],
      ['C', 'SUB', '10', '12000.00', 'R', '2027-01-30', {}],
    ]);
  });
});
