import type { ContractsError } from '@signet/contracts-domain';
import type { OrdersError } from '@signet/orders-domain';
import { AppError } from '../common/app-error';

const STATUS: Record<string, number> = {
  quantity_exceeds_remaining: 409,
  order_not_active: 409,
  invalid_state: 409,
  unknown_order: 404,
  unknown_contract: 404,
  unknown_line: 400,
  invalid_quote: 422,
  invalid_input: 400,
};

/** Domain failures of orders and contracts as problem+json: the domain's code is the problem's code. */
export function ordersProblem(error: OrdersError | ContractsError): AppError {
  const status = STATUS[error.code] ?? 400;
  const title =
    status === 409
      ? 'Conflict'
      : status === 404
        ? 'Not found'
        : status === 422
          ? 'Unprocessable quote'
          : 'Invalid request';
  // `status` in the domain's details is an order's or contract's state; in problem+json it is the HTTP status.
  const { status: state, ...details } = error.details as Record<
    string,
    unknown
  >;
  return new AppError(
    status,
    error.code,
    title,
    error.message,
    state === undefined ? details : { ...details, state },
  );
}

export const quantityExceeded = () =>
  new AppError(
    409,
    'quantity_exceeds_remaining',
    'Conflict',
    'Another change ordered this quantity first: ordered would exceed quoted. Reload and try again.',
  );
