import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from './processes';

export interface EdmxProperty {
  name: string;
  type: string;
  maxLength?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  creatable: boolean;
  updatable: boolean;
}

export interface EdmxEntityType {
  name: string;
  keys: string[];
  properties: Record<string, EdmxProperty>;
  /** Navigation property → the entity type it leads to, and whether it is a collection. */
  navigation: Record<string, { type: string; many: boolean }>;
}

/** ERP interface specifications live beside the clone (`../shared/specs`), in CI as on a workstation. */
export function erpSpecPath(...parts: string[]): string {
  const path = join(REPO_ROOT, '..', 'shared', 'specs', 'erp', ...parts);
  if (!existsSync(path)) throw new Error(`${path} is missing: the ERP specifications must be checked out beside the repository (../shared/specs)`);
  return path;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const unqualified = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** Parses an OData v2 EDMX (`$metadata`) document into its entity types, by name. */
export function parseEdmx(xml: string): Record<string, EdmxEntityType> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => ['Schema', 'EntityType', 'Property', 'NavigationProperty', 'PropertyRef', 'Association', 'End'].includes(name) });
  const doc = parser.parse(xml) as { Edmx: { DataServices: { Schema: Array<Record<string, unknown>> } } };
  const schemas = doc.Edmx.DataServices.Schema;
  const ends = new Map<string, { type: string; many: boolean }>();
  for (const schema of schemas) {
    for (const association of asArray(schema['Association'] as Array<{ Name: string; End: Array<{ Type: string; Role: string; Multiplicity: string }> }>)) {
      for (const end of association.End) ends.set(`${association.Name}/${end.Role}`, { type: unqualified(end.Type), many: end.Multiplicity === '*' });
    }
  }
  const types: Record<string, EdmxEntityType> = {};
  for (const schema of schemas) {
    for (const entity of asArray(schema['EntityType'] as Array<Record<string, unknown>>)) {
      const name = entity['Name'] as string;
      const properties: Record<string, EdmxProperty> = {};
      for (const p of asArray(entity['Property'] as Array<Record<string, string>>)) {
        const num = (key: string) => (p[key] === undefined ? undefined : Number(p[key]));
        properties[p['Name']] = {
          name: p['Name'],
          type: p['Type'],
          maxLength: num('MaxLength'),
          precision: num('Precision'),
          scale: num('Scale'),
          nullable: p['Nullable'] !== 'false',
          creatable: p['creatable'] !== 'false',
          updatable: p['updatable'] !== 'false',
        };
      }
      const navigation: EdmxEntityType['navigation'] = {};
      for (const n of asArray(entity['NavigationProperty'] as Array<Record<string, string>>)) {
        const target = ends.get(`${unqualified(n['Relationship'])}/${n['ToRole']}`);
        if (!target) throw new Error(`navigation ${name}.${n['Name']}: association end not found`);
        navigation[n['Name']] = target;
      }
      const keys = asArray((entity['Key'] as { PropertyRef: Array<{ Name: string }> } | undefined)?.PropertyRef).map((r) => r.Name);
      types[name] = { name, keys, properties, navigation };
    }
  }
  return types;
}

export function loadSapSalesOrderEdmx(): Record<string, EdmxEntityType> {
  return parseEdmx(readFileSync(erpSpecPath('sap-s4hana', 'API_SALES_ORDER_SRV.edmx'), 'utf8'));
}

/**
 * Checks one OData v2 JSON payload against an entity type of the EDMX: every property exists,
 * values have their Edm type's JSON form (strings; decimals as strings within precision/scale;
 * `/Date(ms)/` for dates; booleans), strings respect MaxLength, nothing non-creatable is sent on
 * create (or non-updatable on update), and navigation properties hold `{ results: [...] }` of
 * their target type, checked recursively. Returns the problems found, each naming its path.
 */
export function checkAgainstEdmx(types: Record<string, EdmxEntityType>, typeName: string, payload: Record<string, unknown>, mode: 'create' | 'update', path = typeName): string[] {
  const type = types[typeName];
  if (!type) return [`${path}: entity type ${typeName} is not in the EDMX`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    const where = `${path}.${key}`;
    const nav = type.navigation[key];
    if (nav) {
      if (mode === 'update') problems.push(`${where}: navigation properties cannot be sent on update`);
      const results = (value as { results?: unknown })?.results;
      if (!nav.many || !Array.isArray(results)) {
        problems.push(`${where}: expected { results: [...] } of ${nav.type}`);
        continue;
      }
      results.forEach((child, i) => problems.push(...checkAgainstEdmx(types, nav.type, child as Record<string, unknown>, 'create', `${where}[${i}]`)));
      continue;
    }
    const prop = type.properties[key];
    if (!prop) {
      problems.push(`${where}: no such property on ${typeName}`);
      continue;
    }
    if (mode === 'create' && !prop.creatable) problems.push(`${where}: not creatable`);
    if (mode === 'update' && !prop.updatable) problems.push(`${where}: not updatable`);
    if (value === null) {
      if (!prop.nullable) problems.push(`${where}: not nullable`);
      continue;
    }
    switch (prop.type) {
      case 'Edm.String':
        if (typeof value !== 'string') problems.push(`${where}: Edm.String needs a string, got ${typeof value}`);
        else if (prop.maxLength !== undefined && value.length > prop.maxLength) problems.push(`${where}: "${value}" is longer than MaxLength ${prop.maxLength}`);
        break;
      case 'Edm.Decimal': {
        const m = typeof value === 'string' ? /^-?(\d+)(?:\.(\d+))?$/.exec(value) : null;
        if (!m) {
          problems.push(`${where}: Edm.Decimal travels as a decimal string, got ${JSON.stringify(value)}`);
          break;
        }
        const scale = prop.scale ?? 0;
        const digits = m[1].replace(/^0+(?=\d)/, '').length;
        if ((m[2] ?? '').length > scale) problems.push(`${where}: ${value} has more than ${scale} decimals`);
        if (prop.precision !== undefined && digits > prop.precision - scale) problems.push(`${where}: ${value} exceeds precision ${prop.precision}`);
        break;
      }
      case 'Edm.DateTime':
      case 'Edm.DateTimeOffset':
        if (typeof value !== 'string' || !/^\/Date\(-?\d+([+-]\d{4})?\)\/$/.test(value)) problems.push(`${where}: ${prop.type} travels as /Date(ms)/, got ${JSON.stringify(value)}`);
        break;
      case 'Edm.Boolean':
        if (typeof value !== 'boolean') problems.push(`${where}: Edm.Boolean needs a boolean`);
        break;
      default:
        problems.push(`${where}: ${prop.type} is not expected in payloads`);
    }
  }
  return problems;
}
