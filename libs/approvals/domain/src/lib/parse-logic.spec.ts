import {
  evaluateLogic,
  formatLogic,
  parseLogic,
  tokenizeLogic,
  type LogicErrorCode,
  type LogicNode,
} from './parse-logic';

const KNOWN = [1, 2, 3, 4];

function parse(source: string): LogicNode {
  const parsed = parseLogic(source, KNOWN);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Every assignment of true/false to conditions 1..3. */
const ASSIGNMENTS = Array.from({ length: 8 }, (_, bits) =>
  [1, 2, 3].map((i) => ((bits >> (i - 1)) & 1) === 1),
);

describe('parseLogic precedence: NOT, then AND, then OR', () => {
  it.each<[string, (c: boolean[]) => boolean]>([
    ['1 AND 2 OR 3', ([a, b, c]) => (a && b) || c],
    ['1 OR 2 AND 3', ([a, b, c]) => a || (b && c)],
    ['(1 OR 2) AND 3', ([a, b, c]) => (a || b) && c],
    ['NOT 1 AND 2', ([a, b]) => !a && b],
    ['NOT 1 OR 2', ([a, b]) => !a || b],
    ['NOT (1 AND 2)', ([a, b]) => !(a && b)],
    ['NOT (1 OR 2)', ([a, b]) => !(a || b)],
    ['1 AND (2 OR NOT 3)', ([a, b, c]) => a && (b || !c)],
    ['1 AND NOT 2 OR 3', ([a, b, c]) => (a && !b) || c],
    ['NOT NOT 1', ([a]) => a],
    ['NOT 1 AND NOT 2 OR NOT 3', ([a, b, c]) => (!a && !b) || !c],
    ['((1))', ([a]) => a],
    ['1 or 2 and not 3', ([a, b, c]) => a || (b && !c)],
    ['1 OR 2 OR 3', ([a, b, c]) => a || b || c],
    ['1 AND 2 AND 3', ([a, b, c]) => a && b && c],
  ])('%s', (source, reference) => {
    const tree = parse(source);
    for (const values of ASSIGNMENTS) {
      expect(evaluateLogic(tree, (i) => values[i - 1])).toBe(reference(values));
    }
  });

  it.each([
    ['1 AND 2 OR 3', '(1 AND 2) OR 3'],
    ['1 OR 2 AND 3', '1 OR (2 AND 3)'],
    ['NOT 1 AND 2', 'NOT 1 AND 2'],
    ['NOT (1 AND 2)', 'NOT (1 AND 2)'],
    ['1 AND (2 OR NOT 3)', '1 AND (2 OR NOT 3)'],
  ])('%s reads as %s', (source, canonical) => {
    expect(formatLogic(parse(source))).toBe(canonical);
  });

  it('ignores whitespace of any kind', () => {
    expect(formatLogic(parse('\t1\nAND(2  OR 3) '))).toBe('1 AND (2 OR 3)');
  });
});

describe('parseLogic errors carry a code and a position', () => {
  it.each<[string, LogicErrorCode, number]>([
    ['', 'empty_expression', 0],
    ['   ', 'empty_expression', 0],
    ['1 AND', 'unexpected_end', 5],
    ['1 AND 9', 'unknown_index', 6],
    ['0', 'unknown_index', 0],
    ['(1 OR 2', 'missing_closing_parenthesis', 7],
    ['1 OR 2)', 'unexpected_token', 6],
    ['1 2', 'unexpected_token', 2],
    ['1 AND OR 2', 'unexpected_token', 6],
    ['1 XOR 2', 'unexpected_token', 2],
    ['1 && 2', 'unexpected_character', 2],
    ['()', 'unexpected_token', 1],
    ['NOT', 'unexpected_end', 3],
    ['1 AND (2 OR NOT 5)', 'unknown_index', 16],
    ['AND 1', 'unexpected_token', 0],
  ])('%p → %s at %d', (source, code, position) => {
    const parsed = parseLogic(source, KNOWN);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code, position });
    expect(parsed.error.message).toContain(`position ${position}`);
  });
});

describe('tokenizeLogic', () => {
  it('reports each token with its position', () => {
    const tokens = tokenizeLogic('NOT (12 or 3)');
    expect(tokens.ok && tokens.value.map((t) => [t.kind, t.position])).toEqual([
      ['not', 0],
      ['open', 4],
      ['index', 5],
      ['or', 8],
      ['index', 11],
      ['close', 12],
      ['end', 13],
    ]);
  });
});
