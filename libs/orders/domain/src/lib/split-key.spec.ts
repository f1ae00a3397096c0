import { line } from '../testing/fixtures';
import {
  formatKeyValue,
  normaliseSplitBy,
  readPath,
  splitKey,
} from './split-key';

describe('splitKey', () => {
  const l = line({
    id: 'L1',
    group: 'Phase 1',
    fields: {
      shipTo: 'Berlin',
      costCenter: null,
      qty: 3,
      nested: { a: 'x' },
      blank: '  ',
    },
  });

  it.each<[string | string[] | undefined, string]>([
    [undefined, 'all'],
    [[], 'all'],
    ['group', 'Phase 1'],
    [['fields.shipTo'], 'Berlin'],
    [['fields.shipTo', 'fields.costCenter'], 'Berlin | (none)'],
    [['fields.missing'], '(none)'],
    [['fields.blank'], '(none)'],
    [['fields.qty', 'group'], '3 | Phase 1'],
    [['fields.nested.a'], 'x'],
    [['fields.nested'], '{"a":"x"}'],
    [['nothing.at.all'], '(none)'],
  ])('by %p → %s', (by, key) => {
    expect(splitKey(l, normaliseSplitBy(by))).toBe(key);
  });

  it('reads paths and formats values', () => {
    expect(readPath(l, 'fields.shipTo')).toBe('Berlin');
    expect(readPath(l, 'fields.shipTo.length.x')).toBeUndefined();
    expect(formatKeyValue(true)).toBe('true');
    expect(formatKeyValue(null)).toBe('(none)');
    expect(normaliseSplitBy(null)).toEqual([]);
  });
});
