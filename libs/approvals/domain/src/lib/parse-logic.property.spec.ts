import fc from 'fast-check';
import {
  evaluateLogic,
  formatLogic,
  parseLogic,
  type LogicNode,
} from './parse-logic';

/** Property-based checks of the logic parser: round trips, precedence and total error handling. */

const INDEXES = [1, 2, 3, 4, 5];

/** Random logic trees over the condition indexes 1..5. */
const tree: fc.Arbitrary<LogicNode> = fc.letrec<{ node: LogicNode }>(
  (self) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...INDEXES).map((index): LogicNode => ({
        kind: 'condition',
        index,
        position: -1,
      })),
      self('node').map((operand): LogicNode => ({ kind: 'not', operand })),
      fc
        .array(self('node'), { minLength: 2, maxLength: 3 })
        .map((operands): LogicNode => ({ kind: 'and', operands })),
      fc
        .array(self('node'), { minLength: 2, maxLength: 3 })
        .map((operands): LogicNode => ({ kind: 'or', operands })),
    ),
  }),
).node;

/** Every assignment of true/false to the five conditions. */
const assignments = Array.from(
  { length: 32 },
  (_, bits) => (index: number) => ((bits >> (index - 1)) & 1) === 1,
);

function sameTruthTable(a: LogicNode, b: LogicNode): boolean {
  return assignments.every(
    (value) => evaluateLogic(a, value) === evaluateLogic(b, value),
  );
}

/** A flat expression (no parentheses) as tokens, with its meaning under NOT > AND > OR. */
interface Flat {
  text: string;
  meaning: (value: (index: number) => boolean) => boolean;
}

const term = fc.record({
  nots: fc.integer({ min: 0, max: 2 }),
  index: fc.constantFrom(...INDEXES),
});
const flat: fc.Arbitrary<Flat> = fc
  .record({
    first: term,
    rest: fc.array(fc.record({ op: fc.constantFrom('AND', 'OR'), term }), {
      maxLength: 5,
    }),
  })
  .map(({ first, rest }) => {
    const terms = [first, ...rest.map((r) => r.term)];
    const words = terms.map((t) => `${'NOT '.repeat(t.nots)}${t.index}`);
    const text = words.reduce(
      (acc, word, i) => (i === 0 ? word : `${acc} ${rest[i - 1].op} ${word}`),
      '',
    );
    // Reference semantics written independently of the parser: split on OR, then on AND.
    const meaning = (value: (index: number) => boolean) => {
      const literal = (t: { nots: number; index: number }) =>
        t.nots % 2 === 1 ? !value(t.index) : value(t.index);
      const disjuncts: boolean[][] = [[literal(first)]];
      rest.forEach((r) => {
        if (r.op === 'OR') disjuncts.push([literal(r.term)]);
        else disjuncts[disjuncts.length - 1].push(literal(r.term));
      });
      return disjuncts.some((conjunction) => conjunction.every(Boolean));
    };
    return { text, meaning };
  });

describe('parseLogic (properties)', () => {
  it('parses the canonical form of any tree back to the same truth table', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const parsed = parseLogic(formatLogic(node), INDEXES);
        return parsed.ok && sameTruthTable(parsed.value, node);
      }),
      { numRuns: 500 },
    );
  });

  it('formats idempotently: format(parse(format(t))) = format(t)', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const once = formatLogic(node);
        const parsed = parseLogic(once, INDEXES);
        return parsed.ok && formatLogic(parsed.value) === once;
      }),
    );
  });

  it('gives NOT precedence over AND over OR in unparenthesised expressions', () => {
    fc.assert(
      fc.property(flat, ({ text, meaning }) => {
        const parsed = parseLogic(text, INDEXES);
        if (!parsed.ok) return false;
        return assignments.every(
          (value) => evaluateLogic(parsed.value, value) === meaning(value),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('ignores keyword case and extra whitespace', () => {
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom('lower', 'mixed'),
        fc.constantFrom(' ', '  ', '\t', ' \n '),
        (node, style, gap) => {
          const canonical = formatLogic(node);
          const restyled = canonical
            .replace(/AND|OR|NOT/g, (k) =>
              style === 'lower'
                ? k.toLowerCase()
                : k[0] + k.slice(1).toLowerCase(),
            )
            .replace(/ /g, gap);
          const parsed = parseLogic(restyled, INDEXES);
          return parsed.ok && sameTruthTable(parsed.value, node);
        },
      ),
    );
  });

  it('never throws on arbitrary text, and every error points inside the text', () => {
    const alphabet = fc.constantFrom(
      '1',
      '2',
      '7',
      '(',
      ')',
      ' ',
      'AND',
      'OR',
      'NOT',
      'x',
      '&',
      '|',
      '12',
    );
    const source = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(source, (text) => {
        const parsed = parseLogic(text, [1, 2, 12]);
        if (parsed.ok) return true;
        return (
          parsed.error.position >= 0 &&
          parsed.error.position <= text.length &&
          parsed.error.message.length > 0
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('reports an unknown index at its exact position', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 6, max: 99 }), (node, unknown) => {
        const text = `${formatLogic(node)} AND ${unknown}`;
        const parsed = parseLogic(text, INDEXES);
        return (
          !parsed.ok &&
          parsed.error.code === 'unknown_index' &&
          parsed.error.position === text.lastIndexOf(String(unknown))
        );
      }),
    );
  });

  it('rejects any unbalanced parenthesis', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (node, dropClose) => {
        const text = dropClose
          ? `(${formatLogic(node)}`
          : `${formatLogic(node)})`;
        return !parseLogic(text, INDEXES).ok;
      }),
    );
  });
});
