import {
  mergeExternalIds,
  sameExternalIds,
  validateExternalIds,
} from './account-details';

describe('validateExternalIds', () => {
  it.each([
    ['all three connectors', { sap: '17100001', netsuite: '1042', webhook: 'acme-eu' }, []],
    ['a removal', { sap: null }, []],
    ['a ten-character SAP id', { sap: 'A123456789' }, []],
    ['an eleven-character SAP id', { sap: 'A1234567890' }, ['externalIds.sap']],
    ['an SAP id with a dash', { sap: '17-1' }, ['externalIds.sap']],
    ['an empty SAP id', { sap: '' }, ['externalIds.sap']],
    ['a NetSuite id with letters', { netsuite: '10a' }, ['externalIds.netsuite']],
    ['a NetSuite id as a number', { netsuite: 1042 }, ['externalIds.netsuite']],
    ['a 64-character webhook key', { webhook: 'w'.repeat(64) }, []],
    ['a 65-character webhook key', { webhook: 'w'.repeat(65) }, ['externalIds.webhook']],
    ['a webhook key with a space inside', { webhook: 'acme eu' }, []],
    ['a webhook key with a trailing space', { webhook: 'acme ' }, ['externalIds.webhook']],
    ['an unknown connector', { oracle: 'x' }, ['externalIds.oracle']],
    ['two problems', { oracle: 'x', sap: 'too-long-for-sap' }, ['externalIds.oracle', 'externalIds.sap']],
  ])('%s', (_name, change, fields) => {
    expect(validateExternalIds(change as Record<string, unknown>).map((v) => v.field)).toEqual(fields);
  });

  it('names the field in the message', () => {
    expect(validateExternalIds({ sap: 'A1234567890' })[0].message).toContain('externalIds.sap');
  });
});

describe('mergeExternalIds', () => {
  it.each([
    ['sets a new id', { sap: '1' }, { netsuite: '2' }, { sap: '1', netsuite: '2' }],
    ['replaces an id', { sap: '1' }, { sap: '3' }, { sap: '3' }],
    ['removes with null', { sap: '1', netsuite: '2' }, { sap: null }, { netsuite: '2' }],
    ['leaves missing keys', { sap: '1' }, {}, { sap: '1' }],
  ])('%s', (_name, current, change, expected) => {
    expect(mergeExternalIds(current, change)).toEqual(expected);
  });

  it('compares id sets regardless of key order', () => {
    expect(sameExternalIds({ sap: '1', netsuite: '2' }, { netsuite: '2', sap: '1' })).toBe(true);
    expect(sameExternalIds({ sap: '1' }, { sap: '1', webhook: 'x' })).toBe(false);
  });
});
