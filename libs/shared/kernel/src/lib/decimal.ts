import DecimalJs from 'decimal.js';

/**
 * A private decimal.js constructor: 40 significant digits is far beyond numeric(18,4) × numeric(18,2)
 * products, so intermediate results (prorations, allocations) stay exact until rounded once.
 */
const D = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type DecimalInput = Decimal | string | number;

export class InvalidDecimalError extends Error {
  readonly code = 'invalid_decimal';
  constructor(readonly input: unknown) {
    super(`Not a decimal number: ${JSON.stringify(String(input))}`);
    this.name = 'InvalidDecimalError';
  }
}

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** An immutable decimal number; money and quantities never pass through JS floats. */
export class Decimal {
  static readonly ZERO = new Decimal(new D(0));
  static readonly ONE = new Decimal(new D(1));

  private constructor(private readonly value: DecimalJs) {}

  /** Accepts decimal strings ("12.50", " -3 ", "1e2") and finite numbers (taken by their shortest form). */
  static of(input: DecimalInput): Decimal {
    if (input instanceof Decimal) return input;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new InvalidDecimalError(input);
      return new Decimal(new D(input));
    }
    if (typeof input === 'string') {
      const trimmed = input.trim();
      if (!DECIMAL_PATTERN.test(trimmed)) throw new InvalidDecimalError(input);
      return new Decimal(new D(trimmed));
    }
    throw new InvalidDecimalError(input);
  }

  /** Like `of`, but returns undefined instead of throwing. */
  static tryOf(input: unknown): Decimal | undefined {
    try {
      return Decimal.of(input as DecimalInput);
    } catch {
      return undefined;
    }
  }

  static isDecimal(value: unknown): value is Decimal {
    return value instanceof Decimal;
  }

  static sum(values: Iterable<DecimalInput>): Decimal {
    let total = new D(0);
    for (const v of values) total = total.plus(Decimal.of(v).value);
    return new Decimal(total);
  }

  static min(first: DecimalInput, ...rest: DecimalInput[]): Decimal {
    return rest.reduce<Decimal>(
      (m, v) => (Decimal.of(v).lt(m) ? Decimal.of(v) : m),
      Decimal.of(first),
    );
  }

  static max(first: DecimalInput, ...rest: DecimalInput[]): Decimal {
    return rest.reduce<Decimal>(
      (m, v) => (Decimal.of(v).gt(m) ? Decimal.of(v) : m),
      Decimal.of(first),
    );
  }

  add(other: DecimalInput): Decimal {
    return new Decimal(this.value.plus(Decimal.of(other).value));
  }

  sub(other: DecimalInput): Decimal {
    return new Decimal(this.value.minus(Decimal.of(other).value));
  }

  mul(other: DecimalInput): Decimal {
    return new Decimal(this.value.times(Decimal.of(other).value));
  }

  /** Division to 40 significant digits; throws on division by zero. */
  div(other: DecimalInput): Decimal {
    const divisor = Decimal.of(other);
    if (divisor.isZero()) throw new RangeError('Division by zero');
    return new Decimal(this.value.dividedBy(divisor.value));
  }

  neg(): Decimal {
    return new Decimal(this.value.negated());
  }

  abs(): Decimal {
    return new Decimal(this.value.abs());
  }

  /** Rounds half away from zero to `places` decimals (2.345 → 2.35, -2.345 → -2.35). */
  round(places: number): Decimal {
    return new Decimal(
      this.value.toDecimalPlaces(places, DecimalJs.ROUND_HALF_UP),
    );
  }

  round2(): Decimal {
    return this.round(2);
  }

  /** Rounded half away from zero and always with two decimals: "1234.50", "-0.10", "0.00". */
  toFixed2(): string {
    const s = this.value.toFixed(2, DecimalJs.ROUND_HALF_UP);
    return s === '-0.00' ? '0.00' : s;
  }

  compare(other: DecimalInput): -1 | 0 | 1 {
    return this.value.comparedTo(Decimal.of(other).value) as -1 | 0 | 1;
  }

  eq(other: DecimalInput): boolean {
    return this.compare(other) === 0;
  }
  lt(other: DecimalInput): boolean {
    return this.compare(other) < 0;
  }
  lte(other: DecimalInput): boolean {
    return this.compare(other) <= 0;
  }
  gt(other: DecimalInput): boolean {
    return this.compare(other) > 0;
  }
  gte(other: DecimalInput): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.value.isZero();
  }
  isNegative(): boolean {
    return !this.value.isZero() && this.value.isNegative();
  }
  isPositive(): boolean {
    return !this.value.isZero() && this.value.isPositive();
  }
  isInteger(): boolean {
    return this.value.isInteger();
  }

  /** Canonical string without exponent or trailing zeros ("2.5", "-3", "0"). */
  toString(): string {
    const s = this.value.toFixed();
    return s === '-0' ? '0' : s;
  }

  toJSON(): string {
    return this.toString();
  }

  /** For display or counting only (e.g. asset counts); never for money arithmetic. */
  toNumber(): number {
    return this.value.toNumber();
  }
}

/** Shorthand for `Decimal.of`. */
export function dec(input: DecimalInput): Decimal {
  return Decimal.of(input);
}
