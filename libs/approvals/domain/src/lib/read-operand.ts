import type { FieldValue, Quote, QuoteLine } from './model';

/** A reference to a value: `quote.<field>` or `var.<name>`. */
export interface OperandRef {
  readonly source: 'quote' | 'var';
  readonly name: string;
}

/** The values conditions are evaluated against: the quote and its computed variables. */
export interface EvaluationInput {
  readonly quote: Quote;
  readonly variables: Readonly<Record<string, number | null>>;
}

export function parseOperandRef(text: string): OperandRef | null {
  const match = /^(quote|var)\.(.+)$/.exec(text.trim());
  return match ? { source: match[1] as 'quote' | 'var', name: match[2] } : null;
}

export function formatOperandRef(ref: OperandRef): string {
  return `${ref.source}.${ref.name}`;
}

/** `quote.<field>` reads `quote.fields.<field>`; `id` and `ownerId` read the quote itself. */
export function readQuoteField(
  quote: Quote,
  name: string,
): FieldValue | undefined {
  if (name === 'id') return quote.id;
  if (name === 'ownerId') return quote.ownerId;
  return Object.prototype.hasOwnProperty.call(quote.fields, name)
    ? quote.fields[name]
    : undefined;
}

/** A line field; `id` reads the line's id. */
export function readLineField(
  line: QuoteLine,
  name: string,
): FieldValue | undefined {
  if (name === 'id') return line.id;
  return Object.prototype.hasOwnProperty.call(line.fields, name)
    ? line.fields[name]
    : undefined;
}

export function readOperand(
  ref: OperandRef,
  input: EvaluationInput,
): FieldValue | undefined {
  if (ref.source === 'quote') return readQuoteField(input.quote, ref.name);
  return Object.prototype.hasOwnProperty.call(input.variables, ref.name)
    ? input.variables[ref.name]
    : undefined;
}
