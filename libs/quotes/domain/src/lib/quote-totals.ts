import { Decimal } from '@signet/shared-kernel';
import type { GroupTotal, PricedLine, QuoteTotals } from './model';

interface Running {
  lineCount: number;
  listTotal: Decimal;
  netTotal: Decimal;
}

/** (1 − net ÷ list) × 100 to 2 decimals; null when there is no list amount to discount from. */
export function discountPercentOf(
  listTotal: Decimal,
  netTotal: Decimal,
): Decimal | null {
  if (listTotal.isZero()) return null;
  return Decimal.ONE.sub(netTotal.div(listTotal)).mul(100).round2();
}

/** Quote totals from its priced lines, with a subtotal per group. Line totals are already cents, so sums are exact. */
export function quoteTotals(lines: readonly PricedLine[]): QuoteTotals {
  let listTotal = Decimal.ZERO;
  let netTotal = Decimal.ZERO;
  let oneTimeTotal = Decimal.ZERO;
  let recurringTotal = Decimal.ZERO;
  const groups = new Map<string | null, Running>();
  for (const line of lines) {
    listTotal = listTotal.add(line.listTotal);
    netTotal = netTotal.add(line.netTotal);
    if (line.chargeType === 'recurring')
      recurringTotal = recurringTotal.add(line.netTotal);
    else oneTimeTotal = oneTimeTotal.add(line.netTotal);
    const running = groups.get(line.group);
    if (running) {
      running.lineCount += 1;
      running.listTotal = running.listTotal.add(line.listTotal);
      running.netTotal = running.netTotal.add(line.netTotal);
    } else {
      groups.set(line.group, {
        lineCount: 1,
        listTotal: line.listTotal,
        netTotal: line.netTotal,
      });
    }
  }
  const groupTotals: GroupTotal[] = [...groups].map(([group, running]) => ({
    group,
    ...running,
  }));
  return {
    lineCount: lines.length,
    listTotal,
    netTotal,
    discountAmount: listTotal.sub(netTotal),
    discountPercent: discountPercentOf(listTotal, netTotal),
    oneTimeTotal,
    recurringTotal,
    groups: groupTotals,
  };
}
