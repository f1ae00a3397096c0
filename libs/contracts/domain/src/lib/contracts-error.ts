export type ContractsErrorCode =
  | 'order_not_active'
  | 'invalid_state'
  | 'unknown_order'
  | 'unknown_contract'
  | 'invalid_input';

export class ContractsError extends Error {
  constructor(
    readonly code: ContractsErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ContractsError';
  }
}

export function contractsError(
  code: ContractsErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ContractsError {
  return new ContractsError(code, message, details);
}
