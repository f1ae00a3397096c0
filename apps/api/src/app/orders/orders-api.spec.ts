import { contractsError } from '@signet/contracts-domain';
import { ordersError } from '@signet/orders-domain';
import type { FieldDefinition } from '@signet/quotes-domain';
import { parseLocalDate } from '@signet/shared-kernel';
import { AppError } from '../common/app-error';
import { rethrowConstraint } from '../common/db-errors';
import { msUntil, todayUtc } from '../common/today';
import { allowedOrderActions } from './order-queries.service';
import { ordersProblem } from './orders-problem';
import { QuoteSource } from './quote-source';

const field = (object: 'quote' | 'line', name: string): FieldDefinition => ({ object, name, label: name, type: 'text', options: null, multiple: false });
const definitions = [field('line', 'shipTo'), field('quote', 'region')];

describe('split paths', () => {
  it.each([[['group']], [['sku', 'fields.shipTo']], [[]], [['startDate', 'endDate', 'termMonths']]])('accepts %j', (paths) => {
    expect(() => QuoteSource.checkSplitPaths(paths, definitions)).not.toThrow();
  });

  it.each<[string[], string]>([
    [['fields.shipToo'], 'by[0]'],
    [['group', 'fields.region'], 'by[1]'],
    [['quantity'], 'by[0]'],
    [['fields.'], 'by[0]'],
  ])('refuses %j naming %s', (paths, fieldName) => {
    try {
      QuoteSource.checkSplitPaths(paths, definitions);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).code).toBe('unknown_split_field');
      expect((error as AppError).extensions['errors']).toEqual([expect.objectContaining({ field: fieldName })]);
    }
  });
});

describe('domain errors as problems', () => {
  it.each<[string, number]>([
    ['quantity_exceeds_remaining', 409],
    ['order_not_active', 409],
    ['invalid_state', 409],
    ['unknown_order', 404],
    ['unknown_line', 400],
    ['invalid_quote', 422],
    ['invalid_input', 400],
  ])('%s → %i', (code, status) => {
    const problem = ordersProblem(ordersError(code as never, 'message', { order: 'o1' }));
    expect([problem.status, problem.code, problem.detail, problem.extensions['order']]).toEqual([status, code, 'message', 'o1']);
  });

  it('never lets a domain "status" detail replace the HTTP status', () => {
    const problem = ordersProblem(contractsError('invalid_state', 'cancelled', { status: 'cancelled' }));
    expect(problem.status).toBe(409);
    expect(problem.extensions).toEqual({ state: 'cancelled' });
  });
});

describe('database guards', () => {
  const violation = (constraint: string) => Object.assign(new Error('check'), { code: '23514', constraint });

  it('maps a known constraint to its problem and rethrows anything else', () => {
    const known = { quote_line_ledger_within_quoted: () => new AppError(409, 'quantity_exceeds_remaining', 'Conflict') };
    expect(() => rethrowConstraint(violation('quote_line_ledger_within_quoted'), known)).toThrow(AppError);
    expect(() => rethrowConstraint(violation('other'), known)).toThrow('check');
    expect(() => rethrowConstraint(new Error('plain'), known)).toThrow('plain');
  });
});

describe('business dates', () => {
  it.each<[string, string]>([
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-02-28T23:59:59Z', '2026-02-28'],
  ])('today at %s is %s (UTC)', (instant, date) => {
    expect(todayUtc(new Date(instant))).toBe(date);
  });

  it.each<[string, string, number]>([
    ['2026-03-02', '2026-03-01T12:00:00Z', 12 * 3600_000],
    ['2026-03-01', '2026-03-01T12:00:00Z', 0],
    ['2026-02-01', '2026-03-01T12:00:00Z', 0],
  ])('activation on %s is due in the right time from %s', (date, now, ms) => {
    expect(msUntil(parseLocalDate(date), new Date(now))).toBe(ms);
  });
});

describe('allowed order actions', () => {
  it.each<[Parameters<typeof allowedOrderActions>, string[]]>([
    [['draft', false, false], ['activate', 'schedule', 'cancel', 'change']],
    [['draft', false, true], ['activate', 'unschedule', 'cancel', 'change']],
    [['activated', false, false], ['contract']],
    [['activated', true, false], []],
    [['fulfilled', false, false], ['contract']],
    [['cancelled', false, false], []],
  ])('%j → %j', (args, actions) => {
    expect(allowedOrderActions(...args)).toEqual(actions);
  });
});
