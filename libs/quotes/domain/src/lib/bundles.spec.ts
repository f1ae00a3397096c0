import { CATALOG, d, date, draft, HEADER, HW, SUB } from '../testing/fixtures';
import { type BundleCatalog, expandBundles } from './bundles';
import { editLines } from './edit-lines';
import type { LineDraft, PricedLine, PricedProduct } from './model';

const KIT: PricedProduct = {
  ...HW,
  id: 'p-kit',
  sku: 'KIT',
  name: 'Starter kit',
  listPrice: d('0.00'),
};
const BUNDLES: BundleCatalog = new Map([
  [
    KIT.id,
    [
      { componentId: HW.id, quantity: d(2) },
      { componentId: SUB.id, quantity: d('0.5') },
    ],
  ],
]);
const catalog = new Map([...CATALOG, [KIT.id, KIT]]);
const ids = () => {
  let n = 0;
  return () => `c${++n}`;
};
const shape = (lines: readonly LineDraft[]) =>
  lines.map((l) => [l.id, l.productId, l.quantity.toString(), l.parentId]);

describe('expandBundles', () => {
  it.each<{
    name: string;
    upsert: LineDraft[];
    current?: Pick<PricedLine, 'id' | 'productId' | 'quantity' | 'parentId'>[];
    expected: (string | null)[][];
  }>([
    {
      name: 'a new bundle line gets its components × root quantity',
      upsert: [draft('R', { productId: KIT.id, quantity: d(3) })],
      expected: [
        ['R', KIT.id, '3', null],
        ['c1', HW.id, '6', 'R'],
        ['c2', SUB.id, '1.5', 'R'],
      ],
    },
    {
      name: 'components given in the request are kept as given',
      upsert: [
        draft('R', { productId: KIT.id, quantity: d(3) }),
        draft('X', { productId: HW.id, quantity: d(1), parentId: 'R' }),
      ],
      expected: [
        ['R', KIT.id, '3', null],
        ['X', HW.id, '1', 'R'],
      ],
    },
    {
      name: 'a product that is not a bundle is left alone',
      upsert: [draft('A', { quantity: d(4) })],
      expected: [['A', HW.id, '4', null]],
    },
    {
      name: 'changing the root quantity rescales its components',
      current: [
        { id: 'R', productId: KIT.id, quantity: d(3), parentId: null },
        { id: 'H', productId: HW.id, quantity: d(6), parentId: 'R' },
        { id: 'Z', productId: 'p-extra', quantity: d(9), parentId: 'R' },
      ],
      upsert: [draft('R', { productId: KIT.id, quantity: d(5) })],
      expected: [
        ['R', KIT.id, '5', null],
        ['H', HW.id, '10', 'R'],
        ['Z', 'p-extra', '15', 'R'],
      ],
    },
    {
      name: 'an unchanged root quantity changes nothing',
      current: [
        { id: 'R', productId: KIT.id, quantity: d(3), parentId: null },
        { id: 'H', productId: HW.id, quantity: d(7), parentId: 'R' },
      ],
      upsert: [draft('R', { productId: KIT.id, quantity: d(3) })],
      expected: [['R', KIT.id, '3', null]],
    },
    {
      name: 'an existing root whose components were removed is not expanded again',
      current: [{ id: 'R', productId: KIT.id, quantity: d(3), parentId: null }],
      upsert: [draft('R', { productId: KIT.id, quantity: d(3) })],
      expected: [['R', KIT.id, '3', null]],
    },
  ])('$name', ({ upsert, current, expected }) => {
    expect(shape(expandBundles(current ?? [], upsert, BUNDLES, ids()))).toEqual(
      expected,
    );
  });

  it('components inherit the root group, dates, ship-to and discount', () => {
    const [, component] = expandBundles(
      [],
      [
        draft('R', {
          productId: KIT.id,
          group: 'Phase 2',
          startDate: date('2026-03-01'),
          shipToLocationId: 'loc-1',
          discountPercent: d(10),
        }),
      ],
      BUNDLES,
      ids(),
    );
    expect(component).toMatchObject({
      group: 'Phase 2',
      startDate: '2026-03-01',
      shipToLocationId: 'loc-1',
      parentId: 'R',
    });
    expect(component.discountPercent?.toString()).toBe('10');
  });
});

describe('editLines with bundles', () => {
  const context = {
    header: HEADER,
    catalog,
    fieldDefinitions: [],
    bundles: BUNDLES,
  };
  it('expands, rescales and removes a bundle whole', () => {
    const added = editLines(
      [],
      {
        upsert: [draft('R', { productId: KIT.id, quantity: d(2) })],
        remove: [],
      },
      { ...context, newId: ids() },
    );
    if (!added.ok) throw added.error;
    expect(
      added.value.lines.map((l) => [
        l.sku,
        l.quantity.toString(),
        l.netTotal.toFixed2(),
      ]),
    ).toEqual([
      ['KIT', '2', '0.00'],
      ['HW', '4', '4000.00'],
      ['SUB', '1', '1200.00'],
    ]);
    const rescaled = editLines(
      added.value.lines,
      {
        upsert: [draft('R', { productId: KIT.id, quantity: d(1) })],
        remove: [],
      },
      { ...context, newId: ids() },
    );
    if (!rescaled.ok) throw rescaled.error;
    expect(rescaled.value.lines.map((l) => l.quantity.toString())).toEqual([
      '1',
      '2',
      '0.5',
    ]);
    expect(rescaled.value.updated).toBe(3);
    const removed = editLines(
      rescaled.value.lines,
      { upsert: [], remove: ['R'] },
      { ...context, newId: ids() },
    );
    expect(removed.ok && removed.value.lines).toEqual([]);
  });
});
