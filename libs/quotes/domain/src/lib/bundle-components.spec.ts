import { validateBundleComponents, type ComponentGraph } from './bundle-components';

const existing = new Set(['bundle', 'seat', 'box', 'kit', 'suite']);
// suite ⊃ kit ⊃ bundle ⊃ seat
const graph: ComponentGraph = new Map([
  ['suite', ['kit']],
  ['kit', ['bundle']],
  ['bundle', ['seat']],
]);

describe('validateBundleComponents', () => {
  it.each([
    ['two plain components', 'bundle', [{ productId: 'seat', quantity: '2' }, { productId: 'box', quantity: 1 }], []],
    ['a nested bundle without a cycle', 'suite', [{ productId: 'kit', quantity: '1' }, { productId: 'seat', quantity: '0.5' }], []],
    ['an empty list', 'bundle', [], []],
    ['itself', 'bundle', [{ productId: 'bundle', quantity: '1' }], ['components.0.productId']],
    ['an unknown product', 'bundle', [{ productId: 'ghost', quantity: '1' }], ['components.0.productId']],
    ['a product listed twice', 'bundle', [{ productId: 'box', quantity: '1' }, { productId: 'box', quantity: '2' }], ['components.1.productId']],
    ['a bundle that contains it directly', 'bundle', [{ productId: 'kit', quantity: '1' }], ['components.0.productId']],
    ['a bundle that contains it through another', 'bundle', [{ productId: 'suite', quantity: '1' }], ['components.0.productId']],
    ['zero quantity', 'bundle', [{ productId: 'box', quantity: '0' }], ['components.0.quantity']],
    ['negative quantity', 'bundle', [{ productId: 'box', quantity: -1 }], ['components.0.quantity']],
    ['five decimals', 'bundle', [{ productId: 'box', quantity: '1.00001' }], ['components.0.quantity']],
    ['a word as quantity', 'bundle', [{ productId: 'box', quantity: 'two' }], ['components.0.quantity']],
    ['a boolean as quantity', 'bundle', [{ productId: 'box', quantity: true }], ['components.0.quantity']],
    ['a huge quantity', 'bundle', [{ productId: 'box', quantity: '1e14' }], ['components.0.quantity']],
  ])('%s', (_name, bundleId, components, fields) => {
    expect(validateBundleComponents(bundleId, components, existing, graph).map((v) => v.field)).toEqual(fields);
  });

  it('cannot find a cycle for a product that does not exist yet', () => {
    expect(validateBundleComponents(null, [{ productId: 'suite', quantity: '1' }], existing, graph)).toEqual([]);
  });

  it('refuses more than 100 components at once', () => {
    const many = Array.from({ length: 101 }, () => ({ productId: 'box', quantity: '1' }));
    expect(validateBundleComponents('bundle', many, existing, graph).map((v) => v.field)).toEqual(['components']);
  });
});
