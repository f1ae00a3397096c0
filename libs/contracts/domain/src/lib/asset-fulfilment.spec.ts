import { Decimal } from '@signet/shared-kernel';
import { assetStatusesFromFulfilment } from './asset-fulfilment';

const units = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `A${i + 1}`, quantity: Decimal.ONE }));

describe('assetStatusesFromFulfilment', () => {
  it.each<[string, { id: string; quantity: Decimal }[], string, string, string[]]>([
    ['nothing yet', units(3), '0', '0', ['ordered', 'ordered', 'ordered']],
    ['two of three shipped', units(3), '2', '0', ['shipped', 'shipped', 'ordered']],
    ['one delivered, two shipped', units(3), '2', '1', ['delivered', 'shipped', 'ordered']],
    ['all delivered', units(3), '3', '3', ['delivered', 'delivered', 'delivered']],
    ['a fraction does not cover a unit', units(2), '1.5', '0.5', ['shipped', 'ordered']],
    ['one asset for the line: whole quantity needed', [{ id: 'A1', quantity: Decimal.of(5) }], '4', '4', ['ordered']],
    ['one asset for the line, delivered', [{ id: 'A1', quantity: Decimal.of(5) }], '5', '5', ['delivered']],
    ['no assets', [], '1', '1', []],
  ])('%s', (_name, assets, shipped, delivered, expected) => {
    expect([...assetStatusesFromFulfilment(assets, Decimal.of(shipped), Decimal.of(delivered)).values()]).toEqual(expected);
  });
});
