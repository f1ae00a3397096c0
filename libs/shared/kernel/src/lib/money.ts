import { Decimal, type DecimalInput } from './decimal';

/** A money amount: a Decimal rounded half away from zero to cents. */
export function money(input: DecimalInput): Decimal {
  return Decimal.of(input).round2();
}

/** Sums amounts exactly (no intermediate rounding). */
export function sumMoney(values: Iterable<DecimalInput>): Decimal {
  return Decimal.sum(values);
}

/**
 * Spreads `amount` over parts by weight with cumulative rounding (conformance 2.5):
 * Sₖ = round(A × (w₁+…+wₖ) ÷ (w₁+…+wₙ)), S₀ = 0, part k = Sₖ − Sₖ₋₁.
 * The parts always add up to round(A) exactly and depend only on the order of the parts.
 * With all weights zero the whole amount goes to the last part (nothing else would add up).
 */
export function spreadCumulative(
  amount: DecimalInput,
  weights: readonly DecimalInput[],
  places = 2,
): Decimal[] {
  const total = Decimal.of(amount);
  const ws = weights.map((w) => Decimal.of(w));
  if (ws.some((w) => w.isNegative()))
    throw new RangeError('spreadCumulative: weights must not be negative');
  if (ws.length === 0) {
    if (!total.round(places).isZero())
      throw new RangeError(
        'spreadCumulative: cannot spread a non-zero amount over no parts',
      );
    return [];
  }
  const weightSum = Decimal.sum(ws);
  if (weightSum.isZero()) {
    return ws.map((_, i) =>
      i === ws.length - 1 ? total.round(places) : Decimal.ZERO,
    );
  }
  const parts: Decimal[] = [];
  let running = Decimal.ZERO;
  let previous = Decimal.ZERO;
  for (const w of ws) {
    running = running.add(w);
    const cumulative = total.mul(running).div(weightSum).round(places);
    parts.push(cumulative.sub(previous));
    previous = cumulative;
  }
  return parts;
}
