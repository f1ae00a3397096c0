import {
  definitionsOf,
  mergeFieldValues,
  validateFieldDefinition,
  validateFieldValues,
  type FieldDefinition,
} from './custom-fields';

const def = (over: Partial<FieldDefinition>): FieldDefinition => ({
  object: 'quote',
  name: 'region',
  label: 'Region',
  type: 'text',
  options: null,
  multiple: false,
  ...over,
});

describe('validateFieldDefinition', () => {
  const existing = [def({ name: 'region' })];
  it.each([
    ['a fine text field', def({ name: 'channel' }), []],
    [
      'a fine multi picklist',
      def({
        name: 'tags',
        type: 'picklist',
        options: ['a', 'b'],
        multiple: true,
      }),
      [],
    ],
    ['the same name on lines', def({ object: 'line' }), []],
    ['a name with a dash', def({ name: 'ship-to' }), ['name']],
    ['a capitalised name', def({ name: 'Region2' }), ['name']],
    ['a standard field', def({ name: 'netTotal' }), ['name']],
    ['a name taken', def({ name: 'region' }), ['name']],
    [
      'a picklist without options',
      def({ name: 'tier', type: 'picklist', options: [] }),
      ['options'],
    ],
    [
      'repeated options',
      def({ name: 'tier', type: 'picklist', options: ['a', 'a'] }),
      ['options'],
    ],
    [
      'options on a number',
      def({ name: 'score', type: 'number', options: ['1'] }),
      ['options'],
    ],
    [
      'a multiple date',
      def({ name: 'when', type: 'date', multiple: true }),
      ['multiple'],
    ],
    ['a decimal with scale 2', def({ name: 'rate', type: 'decimal', scale: 2 }), []],
    ['a decimal without scale', def({ name: 'rate', type: 'decimal' }), []],
    ['a decimal with scale 0', def({ name: 'rate', type: 'decimal', scale: 0 }), []],
    ['a decimal with scale 7', def({ name: 'rate', type: 'decimal', scale: 7 }), ['scale']],
    ['a decimal with scale -1', def({ name: 'rate', type: 'decimal', scale: -1 }), ['scale']],
    ['a decimal with scale 1.5', def({ name: 'rate', type: 'decimal', scale: 1.5 }), ['scale']],
    ['a scale on a number', def({ name: 'score', type: 'number', scale: 2 }), ['scale']],
    ['a multiple decimal', def({ name: 'rate', type: 'decimal', multiple: true }), ['multiple']],
  ])('%s', (_label, definition, fields) => {
    expect(
      validateFieldDefinition(definition, existing).map((v) => v.field),
    ).toEqual(fields);
  });
});

describe('validateFieldValues', () => {
  const defs = definitionsOf(
    [
      def({ name: 'region', type: 'picklist', options: ['EMEA', 'AMER'] }),
      def({
        name: 'tags',
        type: 'picklist',
        options: ['x', 'y'],
        multiple: true,
      }),
      def({ name: 'score', type: 'number' }),
      def({ name: 'signed', type: 'date' }),
      def({ name: 'strategic', type: 'boolean' }),
      def({ name: 'note' }),
      def({ object: 'line', name: 'shipTo' }),
      def({ name: 'rate', type: 'decimal', scale: 2 }),
      def({ name: 'factor', type: 'decimal' }),
      def({ name: 'units', type: 'decimal', scale: 0 }),
    ],
    'quote',
  );
  it.each([
    [
      {
        region: 'EMEA',
        tags: ['x', 'y'],
        score: 4.5,
        signed: '2026-02-28',
        strategic: true,
        note: 'hi',
      },
      [],
    ],
    [{ region: null, tags: null }, []],
    [{ region: 'APAC' }, ['fields.region']],
    [{ region: ['EMEA'] }, ['fields.region']],
    [{ tags: 'x' }, ['fields.tags']],
    [{ tags: ['x', 'x'] }, ['fields.tags']],
    [{ tags: ['z'] }, ['fields.tags']],
    [{ score: '4' }, ['fields.score']],
    [{ signed: '2026-02-30' }, ['fields.signed']],
    [{ strategic: 'yes' }, ['fields.strategic']],
    [{ note: 'x'.repeat(1001) }, ['fields.note']],
    [{ shipTo: 'Berlin' }, ['fields.shipTo']],
    [{ unknown: 1 }, ['fields.unknown']],
    [{ rate: '12.50', factor: '0.000000000001', units: '-3' }, []],
    [{ rate: 12.5, factor: 3, units: 7 }, []],
    [{ rate: ' 1.25 ' }, []],
    [{ rate: '12.501' }, ['fields.rate']],
    [{ rate: '12.500' }, []],
    [{ rate: 0.1 + 0.2 }, ['fields.rate']],
    [{ rate: '1e3' }, ['fields.rate']],
    [{ rate: 'twelve' }, ['fields.rate']],
    [{ rate: '' }, ['fields.rate']],
    [{ rate: true }, ['fields.rate']],
    [{ rate: ['1'] }, ['fields.rate']],
    [{ units: '1.5' }, ['fields.units']],
    [{ factor: '123456789012345678901' }, ['fields.factor']],
    [{ factor: 1e21 }, ['fields.factor']],
    [{ factor: Number.NaN }, ['fields.factor']],
  ])('%j → %j', (values, fields) => {
    expect(
      validateFieldValues(values, defs, 'quote', 'fields').map((v) => v.field),
    ).toEqual(fields);
  });
});

describe('mergeFieldValues', () => {
  it('sets, replaces and clears with null', () => {
    expect(
      mergeFieldValues({ a: 1, b: 'x' }, { b: 'y', a: null, c: true }),
    ).toEqual({ b: 'y', c: true });
  });
});

describe('decimal messages', () => {
  it('names the field and the scale', () => {
    expect(validateFieldValues({ rate: '1.234' }, definitionsOf([def({ name: 'rate', type: 'decimal', scale: 2 })], 'quote'), 'quote', 'lines[2].fields')).toEqual([
      { field: 'lines[2].fields.rate', message: 'rate must be a decimal number with at most 2 decimals' },
    ]);
  });
});
