import {
  Decimal,
  err,
  minDate,
  ok,
  type DecimalInput,
  type Result,
} from '@signet/shared-kernel';
import type { ActionContext, Order, OrderChange, OrderLine } from './model';
import { applyOrderEvent } from './order-lifecycle';
import { ordersError, type OrdersError } from './orders-error';
import type { QuantityLedger } from './quantity-ledger';

/** Point-and-click changes to draft orders of one quote; each keeps quoted ≥ ordered. */

function requireDraft(order: Order): OrdersError | undefined {
  return order.status === 'draft'
    ? undefined
    : ordersError(
        'invalid_state',
        `order ${order.id} (${order.key}) is ${order.status}, only drafts can be changed`,
        { order: order.id },
      );
}

function withLines(
  order: Order,
  lines: readonly OrderLine[],
  change: OrderChange,
  ctx: ActionContext,
): Order {
  const effectiveDate =
    lines.length > 0
      ? minDate(lines[0].start, ...lines.map((l) => l.start))
      : order.effectiveDate;
  const entry = {
    from: order.status,
    to: order.status,
    event: change,
    at: ctx.at,
    actor: ctx.actor,
    ...(ctx.reason !== undefined ? { reason: ctx.reason } : {}),
  };
  return { ...order, lines, effectiveDate, history: [...order.history, entry] };
}

function addLine(
  lines: readonly OrderLine[],
  line: OrderLine,
  quantity: Decimal,
): OrderLine[] {
  const index = lines.findIndex((l) => l.lineId === line.lineId);
  if (index < 0) return [...lines, { ...line, quantity, fulfilments: [] }];
  return lines.map((l, i) =>
    i === index ? { ...l, quantity: l.quantity.add(quantity) } : l,
  );
}

/** An emptied draft is cancelled rather than left behind without lines. */
function cancelIfEmpty(
  order: Order,
  ctx: ActionContext,
  reason: string,
): Result<Order, OrdersError> {
  return order.lines.length === 0
    ? applyOrderEvent(order, 'cancel', { ...ctx, reason })
    : ok(order);
}

export interface LineMove {
  readonly lineId: string;
  /** Part of the line's quantity to move; all of it when omitted. */
  readonly quantity?: DecimalInput;
}

/** Moves lines (or parts of them) from one draft order to another draft of the same quote. */
export function moveLines(
  source: Order,
  target: Order,
  moves: readonly LineMove[],
  ctx: ActionContext,
): Result<{ source: Order; target: Order }, OrdersError> {
  const stateError = requireDraft(source) ?? requireDraft(target);
  if (stateError) return err(stateError);
  if (source.id === target.id)
    return err(
      ordersError('invalid_input', 'cannot move lines within the same order'),
    );
  if (source.quoteId !== target.quoteId)
    return err(
      ordersError('invalid_input', 'orders belong to different quotes'),
    );
  let sourceLines: readonly OrderLine[] = source.lines;
  let targetLines: readonly OrderLine[] = target.lines;
  for (const move of moves) {
    const line = sourceLines.find((l) => l.lineId === move.lineId);
    if (!line)
      return err(
        ordersError(
          'unknown_line',
          `order ${source.id} has no line ${move.lineId}`,
          { line: move.lineId },
        ),
      );
    const quantity =
      move.quantity === undefined
        ? line.quantity
        : Decimal.tryOf(move.quantity);
    if (!quantity || !quantity.isPositive())
      return err(
        ordersError(
          'invalid_input',
          `quantity to move for ${move.lineId} must be positive`,
        ),
      );
    if (quantity.gt(line.quantity)) {
      return err(
        ordersError(
          'quantity_exceeds_remaining',
          `order ${source.id} holds ${line.quantity.toString()} of ${line.lineId}`,
          { line: line.lineId },
        ),
      );
    }
    const left = line.quantity.sub(quantity);
    sourceLines = left.isZero()
      ? sourceLines.filter((l) => l !== line)
      : sourceLines.map((l) => (l === line ? { ...l, quantity: left } : l));
    targetLines = addLine(targetLines, line, quantity);
  }
  const movedTarget = withLines(target, targetLines, 'move-lines', ctx);
  const movedSource = cancelIfEmpty(
    withLines(source, sourceLines, 'move-lines', ctx),
    ctx,
    `all lines moved to ${target.id}`,
  );
  return movedSource.ok
    ? ok({ source: movedSource.value, target: movedTarget })
    : movedSource;
}

/** Sets a draft line's quantity, within what it holds plus what remains on the quote line. */
export function changeDraftQuantity(
  order: Order,
  lineId: string,
  quantity: DecimalInput,
  ledger: QuantityLedger,
  ctx: ActionContext,
): Result<Order, OrdersError> {
  const stateError = requireDraft(order);
  if (stateError) return err(stateError);
  const line = order.lines.find((l) => l.lineId === lineId);
  if (!line)
    return err(
      ordersError('unknown_line', `order ${order.id} has no line ${lineId}`, {
        line: lineId,
      }),
    );
  const wanted = Decimal.tryOf(quantity);
  if (!wanted || wanted.isNegative())
    return err(ordersError('invalid_input', 'quantity must be a number ≥ 0'));
  const max = line.quantity.add(ledger.remaining(lineId));
  if (wanted.gt(max)) {
    return err(
      ordersError(
        'quantity_exceeds_remaining',
        `line ${lineId}: at most ${max.toString()} can be on this order`,
        { line: lineId, max: max.toString() },
      ),
    );
  }
  if (wanted.isZero() && order.lines.length === 1) {
    return err(
      ordersError(
        'invalid_state',
        `order ${order.id} would have no lines left; cancel it instead`,
        { order: order.id },
      ),
    );
  }
  const lines = wanted.isZero()
    ? order.lines.filter((l) => l !== line)
    : order.lines.map((l) => (l === line ? { ...l, quantity: wanted } : l));
  return ok(withLines(order, lines, 'change-quantity', ctx));
}

/** Merges draft `from` into draft `into`; `from` is cancelled. The key of `into` is kept. */
export function mergeDraftOrders(
  into: Order,
  from: Order,
  ctx: ActionContext,
): Result<{ into: Order; from: Order }, OrdersError> {
  const stateError = requireDraft(into) ?? requireDraft(from);
  if (stateError) return err(stateError);
  if (into.id === from.id)
    return err(
      ordersError('invalid_input', 'cannot merge an order into itself'),
    );
  if (into.quoteId !== from.quoteId)
    return err(
      ordersError('invalid_input', 'orders belong to different quotes'),
    );
  let lines: readonly OrderLine[] = into.lines;
  for (const line of from.lines) lines = addLine(lines, line, line.quantity);
  const merged = withLines(into, lines, 'merge', ctx);
  const emptied = applyOrderEvent(withLines(from, [], 'merge', ctx), 'cancel', {
    ...ctx,
    reason: `merged into ${into.id}`,
  });
  return emptied.ok ? ok({ into: merged, from: emptied.value }) : emptied;
}
