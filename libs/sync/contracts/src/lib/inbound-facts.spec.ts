import { inboundFactErrors } from './inbound-facts';

const fulfilment = {
  version: 1,
  factId: 'D-1',
  connector: 'sap',
  kind: 'fulfilment',
  orderNumber: 'O-000001',
  occurredAt: '2026-01-10T10:00:00Z',
  fulfilment: { lines: [{ lineId: 'L1', quantity: '2', status: 'shipped', date: '2026-01-10' }] },
};
const invoice = {
  ...fulfilment,
  kind: 'invoice',
  fulfilment: undefined,
  invoice: { invoiceNumber: 'INV-1', date: '2026-01-11', currency: 'EUR', total: '10.00', lines: [{ position: 0, amount: '10.00' }] },
};

describe('inboundFactErrors', () => {
  it.each<[string, unknown, string[]]>([
    ['a well-formed fulfilment', fulfilment, []],
    ['a well-formed invoice', invoice, []],
    ['not an object', [1], ['(body)']],
    ['wrong version', { ...fulfilment, version: 2 }, ['version']],
    ['unknown connector', { ...fulfilment, connector: 'sage' }, ['connector']],
    ['no fact id', { ...fulfilment, factId: '' }, ['factId']],
    ['occurredAt without a zone', { ...fulfilment, occurredAt: '2026-01-10T10:00:00' }, ['occurredAt']],
    ['no lines', { ...fulfilment, fulfilment: { lines: [] } }, ['fulfilment.lines']],
    ['fulfilment missing', { ...fulfilment, fulfilment: undefined }, ['fulfilment']],
    ['quantity as a number', { ...fulfilment, fulfilment: { lines: [{ lineId: 'L1', quantity: 2, status: 'shipped', date: '2026-01-10' }] } }, ['fulfilment.lines[0].quantity']],
    ['negative quantity', { ...fulfilment, fulfilment: { lines: [{ lineId: 'L1', quantity: '-2', status: 'shipped', date: '2026-01-10' }] } }, ['fulfilment.lines[0].quantity']],
    ['no line reference', { ...fulfilment, fulfilment: { lines: [{ quantity: '2', status: 'shipped', date: '2026-01-10' }] } }, ['fulfilment.lines[0].lineId']],
    ['bad status and date', { ...fulfilment, fulfilment: { lines: [{ lineId: 'L1', quantity: '2', status: 'sent', date: '2026-02-30' }] } }, ['fulfilment.lines[0].status', 'fulfilment.lines[0].date']],
    ['invoice currency lower case', { ...invoice, invoice: { ...invoice.invoice, currency: 'eur' } }, ['invoice.currency']],
    ['invoice amount with 3 decimals', { ...invoice, invoice: { ...invoice.invoice, lines: [{ position: 0, amount: '1.005' }] } }, ['invoice.lines[0].amount']],
    ['negative position', { ...invoice, invoice: { ...invoice.invoice, lines: [{ position: -1, amount: '1' }] } }, ['invoice.lines[0].position']],
  ])('%s', (_name, input, fields) => {
    expect(inboundFactErrors(input).map((e) => e.field)).toEqual(fields);
  });
});
