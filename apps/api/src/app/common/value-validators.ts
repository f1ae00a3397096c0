import { Decimal, isLocalDate } from '@signet/shared-kernel';
import { conflict, invalidInput } from './app-error';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal given as a JSON string ("12.50") or a finite number; money never travels as a float inside. */
export function IsDecimalValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalValue',
      validator: {
        validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL.test(value.trim())),
        defaultMessage: (args) => `${args?.property} must be a decimal number, e.g. "12.50"`,
      },
    },
    options,
  );
}

/** An ISO local date YYYY-MM-DD that exists in the calendar. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** A plain JSON object (custom field values), not an array or null. */
export function IsPlainObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlainObject',
      validator: {
        validate: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
        defaultMessage: (args) => `${args?.property} must be an object of field values`,
      },
    },
    options,
  );
}

export function toDecimal(value: string | number): Decimal;
export function toDecimal(value: string | number | null | undefined): Decimal | null;
export function toDecimal(value: string | number | null | undefined): Decimal | null {
  return value === null || value === undefined ? null : Decimal.of(value);
}

/** numeric columns come back as strings; the API shows money with two decimals. */
export function money2(value: string | null): string | null {
  return value === null ? null : Decimal.of(value).toFixed2();
}

const MAX_MONEY = Decimal.of('1e16');

/** A non-negative amount with at most two decimals that fits numeric(18,2), or a 400 naming the field. */
export function parseMoney(field: string, value: string | number): Decimal {
  const amount = Decimal.of(value);
  if (amount.isNegative() || amount.gte(MAX_MONEY) || !amount.round2().eq(amount)) {
    throw invalidInput([{ field, message: `${field} must be 0 or more, below 10^16, with at most 2 decimals` }]);
  }
  return amount;
}

/** `%term%` for ILIKE with the wildcard characters of the term escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[%_\\]/g, '\\$&')}%`;
}

/** Refuses a write based on a version the caller read before someone else's change. */
export function assertVersion(what: string, given: number | undefined, current: number): void {
  if (given !== undefined && given !== current) {
    throw conflict('stale_version', `The ${what} was changed by someone else (you have version ${given}, current is ${current}). Reload and try again.`, {
      currentVersion: current,
    });
  }
}
