/** The approval events that send a templated message. Reminders and escalations use `request`. */
export type TemplateEvent = 'request' | 'approved' | 'rejected' | 'recalled';
export const TEMPLATE_EVENTS: readonly TemplateEvent[] = [
  'request',
  'approved',
  'rejected',
  'recalled',
];

export interface TemplateReason {
  /** The rule's name. */
  readonly rule: string;
  /** Why it applies, e.g. "Discount 32% is greater than 20%". */
  readonly text: string;
}

/**
 * Everything a template may use. Money is pre-formatted text (the domain never hands floats to
 * a template); absent parts are empty strings so templates can test them with `{{#if}}`.
 */
export interface TemplateContext {
  readonly recipient: { readonly name: string };
  readonly quote: { readonly number: string; readonly name: string };
  readonly account: { readonly name: string };
  readonly owner: { readonly name: string; readonly email: string };
  readonly totals: {
    readonly currency: string;
    readonly list: string;
    readonly net: string;
    readonly discount: string;
    readonly discountPercent: string;
  };
  readonly reasons: readonly TemplateReason[];
  readonly step: number;
  readonly links: {
    readonly quote: string;
    readonly approve: string;
    readonly reject: string;
  };
  readonly decision: {
    readonly by: string;
    readonly comment: string;
    readonly at: string;
  };
  /** A line set by the sender, e.g. "Reminder: this request has waited 8 business hours." */
  readonly notice: string;
}

/** Shape of `TemplateContext` for save-time checks: a leaf, an object of fields, or a list of items. */
export type VariableSchema =
  | 'value'
  | { readonly fields: Readonly<Record<string, VariableSchema>> }
  | { readonly items: VariableSchema };

const obj = (...names: string[]): VariableSchema => ({
  fields: Object.fromEntries(names.map((n) => [n, 'value' as const])),
});

export const TEMPLATE_VARIABLES: {
  readonly fields: Readonly<Record<string, VariableSchema>>;
} = {
  fields: {
    recipient: obj('name'),
    quote: obj('number', 'name'),
    account: obj('name'),
    owner: obj('name', 'email'),
    totals: obj('currency', 'list', 'net', 'discount', 'discountPercent'),
    reasons: { items: obj('rule', 'text') },
    step: 'value',
    links: obj('quote', 'approve', 'reject'),
    decision: obj('by', 'comment', 'at'),
    notice: 'value',
  },
};

/** Dotted names of every variable (`reasons[].text` for list items), for the console's variable list. */
export function templateVariableNames(): string[] {
  const names: string[] = [];
  const walk = (schema: VariableSchema, path: string): void => {
    if (schema === 'value') {
      names.push(path);
    } else if ('items' in schema) {
      names.push(path);
      walk(schema.items, `${path}[]`);
    } else {
      for (const [name, child] of Object.entries(schema.fields))
        walk(child, path ? `${path}.${name}` : name);
    }
  };
  walk(TEMPLATE_VARIABLES, '');
  return names;
}

/** A realistic context for previews in the console. */
export function sampleTemplateContext(
  event: TemplateEvent,
  baseUrl = 'http://127.0.0.1:3000',
): TemplateContext {
  return {
    recipient: { name: 'Avery Approver' },
    quote: { number: 'Q-00042', name: 'Acme renewal 2026' },
    account: { name: 'Acme Corporation' },
    owner: { name: 'Sam Seller', email: 'sam.seller@example.com' },
    totals: {
      currency: 'EUR',
      list: '120,000.00',
      net: '81,600.00',
      discount: '38,400.00',
      discountPercent: '32',
    },
    reasons: [
      { rule: 'Deep discount', text: 'Discount 32% is greater than 20%' },
      { rule: 'Large deal', text: 'Net total 81,600.00 is at least 50,000.00' },
    ],
    step: 1,
    links: {
      quote: `${baseUrl}/quotes/sample`,
      approve: event === 'request' ? `${baseUrl}/a/sample-approve-token` : '',
      reject: event === 'request' ? `${baseUrl}/a/sample-reject-token` : '',
    },
    decision:
      event === 'approved' || event === 'rejected'
        ? {
            by: 'Avery Approver',
            comment:
              event === 'rejected'
                ? 'Discount too deep for a renewal.'
                : 'OK for this quarter.',
            at: '2026-01-06 10:00 UTC',
          }
        : { by: '', comment: '', at: '' },
    notice: '',
  };
}
