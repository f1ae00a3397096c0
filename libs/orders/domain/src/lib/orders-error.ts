export type OrdersErrorCode =
  | 'quantity_exceeds_remaining'
  | 'order_not_active'
  | 'invalid_state'
  | 'unknown_order'
  | 'unknown_line'
  | 'invalid_quote'
  | 'invalid_input';

/** An expected failure of an order operation; returned in a Result, mapped to problem+json at the edge. */
export class OrdersError extends Error {
  constructor(
    readonly code: OrdersErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'OrdersError';
  }
}

export function ordersError(
  code: OrdersErrorCode,
  message: string,
  details?: Record<string, unknown>,
): OrdersError {
  return new OrdersError(code, message, details);
}
