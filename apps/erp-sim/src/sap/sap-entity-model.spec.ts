import { loadSapSalesOrderEdmx } from '@signet/testing';
import { ENTITY_TYPES } from './sap-entity-model';

describe("the simulator's SAP entity model agrees with the vendor EDMX", () => {
  const edmx = loadSapSalesOrderEdmx();

  it.each(Object.keys(ENTITY_TYPES))('%s', (typeName) => {
    const spec = edmx[typeName];
    expect(spec).toBeDefined();
    const ours = ENTITY_TYPES[typeName];
    expect(Object.keys(ours.properties).sort()).toEqual(Object.keys(spec.properties).sort());
    for (const [name, prop] of Object.entries(ours.properties)) {
      const theirs = spec.properties[name];
      expect({ name, ...prop }).toEqual({
        name,
        type: theirs.type,
        ...(theirs.type === 'Edm.String' && theirs.maxLength !== undefined ? { maxLength: theirs.maxLength } : {}),
        ...(theirs.type === 'Edm.Decimal' ? { precision: theirs.precision, scale: theirs.scale } : {}),
        creatable: theirs.creatable,
        updatable: theirs.updatable,
      });
    }
    for (const [nav, target] of Object.entries(ours.navigation)) expect(spec.navigation[nav]).toEqual({ type: target, many: true });
  });
});
