import { ODATA_DATE } from './odata';
import { ENTITY_TYPES, type SapEntityType } from './sap-entity-model';

export interface ValidationIssue {
  code: string;
  message: string;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Key properties identify the entity: an update may never change them. */
const KEYS: Readonly<Record<string, readonly string[]>> = { A_SalesOrderType: ['SalesOrder'], A_SalesOrderItemType: ['SalesOrder', 'SalesOrderItem'] };

/** Checks one value against its Edm type and facets, as Gateway does before the application sees it. */
function checkValue(entity: string, name: string, value: unknown, prop: SapEntityType['properties'][string]): ValidationIssue | null {
  if (value === null) return null;
  const where = `${entity}.${name}`;
  switch (prop.type) {
    case 'Edm.String':
      if (typeof value !== 'string') return { code: '/IWBEP/CM_MGW_RT/022', message: `Property '${name}' of '${entity}' must be a string` };
      if (prop.maxLength !== undefined && value.length > prop.maxLength) {
        return { code: '/IWBEP/CM_MGW_RT/021', message: `Value of '${where}' is longer than ${prop.maxLength} characters` };
      }
      return null;
    case 'Edm.Decimal': {
      if (typeof value !== 'string' || !DECIMAL.test(value)) return { code: '/IWBEP/CM_MGW_RT/022', message: `Property '${where}' must be a decimal in a string` };
      const [whole, fraction = ''] = value.replace('-', '').split('.');
      if (fraction.length > (prop.scale ?? 0) || whole.replace(/^0+(?=\d)/, '').length > (prop.precision ?? 0) - (prop.scale ?? 0)) {
        return { code: '/IWBEP/CM_MGW_RT/021', message: `Value '${value}' of '${where}' exceeds precision ${prop.precision}, scale ${prop.scale}` };
      }
      return null;
    }
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && ODATA_DATE.test(value) ? null : { code: '/IWBEP/CM_MGW_RT/022', message: `Property '${where}' must be /Date(ms)/` };
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? null : { code: '/IWBEP/CM_MGW_RT/022', message: `Property '${where}' must be a boolean` };
    case 'Edm.Double':
      return typeof value === 'number' ? null : { code: '/IWBEP/CM_MGW_RT/022', message: `Property '${where}' must be a number` };
  }
}

/**
 * Validates a create (deep) or update body against the entity model: unknown properties,
 * properties not creatable/updatable, types and facets; nested `{ results: [...] }` navigation
 * properties on create. Returns every issue found (empty = valid).
 */
export function validateEntity(typeName: string, body: unknown, mode: 'create' | 'update', path = typeName.replace(/Type$/, '')): ValidationIssue[] {
  const type = ENTITY_TYPES[typeName];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ code: '/IWBEP/CM_MGW_RT/004', message: `${path}: a JSON object is expected` }];
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '__metadata') continue;
    const nav = type.navigation[name];
    if (nav) {
      if (mode === 'update') {
        issues.push({ code: '/IWBEP/CM_MGW_RT/020', message: `Navigation property '${name}' cannot be changed with an update` });
        continue;
      }
      const results = (value as { results?: unknown })?.results;
      if (!Array.isArray(results)) {
        issues.push({ code: '/IWBEP/CM_MGW_RT/004', message: `${path}.${name} must be { "results": [ … ] }` });
        continue;
      }
      results.forEach((child, i) => issues.push(...validateEntity(nav, child, 'create', `${path}.${name}[${i}]`)));
      continue;
    }
    const prop = type.properties[name];
    if (!prop) {
      issues.push({ code: '/IWBEP/CM_MGW_RT/020', message: `Property '${name}' is invalid for '${type.name}'` });
      continue;
    }
    if (mode === 'create' && !prop.creatable) issues.push({ code: '/IWBEP/CM_MGW_RT/020', message: `Property '${name}' of '${path}' cannot be set on create` });
    if (mode === 'update' && (!prop.updatable || KEYS[typeName]?.includes(name))) issues.push({ code: '/IWBEP/CM_MGW_RT/020', message: `Property '${name}' of '${path}' cannot be updated` });
    const issue = checkValue(path, name, value, prop);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** The application checks of a sales order create (after the technical ones above). */
export function checkSalesOrderRules(body: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ['SalesOrderType', 'SalesOrganization', 'DistributionChannel', 'OrganizationDivision']) {
    if (!body[field]) issues.push({ code: 'V1/384', message: `Enter a value for ${field}` });
  }
  const soldTo = body['SoldToParty'];
  if (!soldTo) issues.push({ code: 'V1/032', message: 'Enter a sold-to party' });
  else if (!/^\d{1,10}$/.test(String(soldTo))) issues.push({ code: 'V1/302', message: `Sold-to party ${String(soldTo)} does not exist` });
  const items = (body['to_Item'] as { results?: Array<Record<string, unknown>> } | undefined)?.results ?? [];
  if (items.length === 0) issues.push({ code: 'V1/555', message: 'The sales document is not yet complete: enter at least one item' });
  items.forEach((item, i) => {
    if (!item['Material']) issues.push({ code: 'V1/392', message: `Item ${i + 1}: enter a material` });
    if (!item['RequestedQuantity'] || Number(item['RequestedQuantity']) <= 0) issues.push({ code: 'V1/393', message: `Item ${i + 1}: enter a requested quantity` });
  });
  const numbers = items.map((item) => item['SalesOrderItem']).filter((n) => n !== undefined);
  if (new Set(numbers).size !== numbers.length) issues.push({ code: 'V1/394', message: 'Item numbers must be unique' });
  return issues;
}
