import { err, ok, type Result } from './result';

/**
 * Custom condition logic such as `1 AND (2 OR NOT 3)`, parsed once into a tree.
 *
 * Grammar (keywords case-insensitive; `NOT` binds tightest, then `AND`, then `OR`):
 *
 *   expression := or
 *   or         := and ( "OR" and )*
 *   and        := not ( "AND" not )*
 *   not        := "NOT" not | primary
 *   primary    := INDEX | "(" or ")"
 *
 * Positions in errors are 0-based character offsets into the source text.
 */

export type LogicNode =
  | {
      readonly kind: 'condition';
      readonly index: number;
      readonly position: number;
    }
  | { readonly kind: 'not'; readonly operand: LogicNode }
  | { readonly kind: 'and'; readonly operands: readonly LogicNode[] }
  | { readonly kind: 'or'; readonly operands: readonly LogicNode[] }
  | { readonly kind: 'constant'; readonly value: boolean };

export type LogicErrorCode =
  | 'empty_expression'
  | 'unexpected_character'
  | 'unexpected_token'
  | 'unexpected_end'
  | 'missing_closing_parenthesis'
  | 'unknown_index';

export interface LogicParseError {
  readonly code: LogicErrorCode;
  readonly message: string;
  readonly position: number;
}

type TokenKind = 'index' | 'and' | 'or' | 'not' | 'open' | 'close' | 'end';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly position: number;
}

const KEYWORDS: Readonly<Record<string, TokenKind>> = {
  AND: 'and',
  OR: 'or',
  NOT: 'not',
};

export function tokenizeLogic(
  source: string,
): Result<Token[], LogicParseError> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({
        kind: ch === '(' ? 'open' : 'close',
        text: ch,
        position: i,
      });
      i += 1;
    } else if (/[0-9]/.test(ch)) {
      const text = /^[0-9]+/.exec(source.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'index', text, position: i });
      i += text.length;
    } else if (/[A-Za-z]/.test(ch)) {
      const text = /^[A-Za-z]+/.exec(source.slice(i))?.[0] ?? ch;
      const kind = KEYWORDS[text.toUpperCase()];
      if (!kind)
        return err(logicError('unexpected_token', `unknown word "${text}"`, i));
      tokens.push({ kind, text, position: i });
      i += text.length;
    } else {
      return err(
        logicError('unexpected_character', `unexpected character "${ch}"`, i),
      );
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return ok(tokens);
}

/**
 * Parses `source`; every condition index it names must be in `knownIndexes`
 * (an unknown index is an error at its position).
 */
export function parseLogic(
  source: string,
  knownIndexes: Iterable<number>,
): Result<LogicNode, LogicParseError> {
  const tokens = tokenizeLogic(source);
  if (!tokens.ok) return tokens;
  if (tokens.value.length === 1)
    return err(logicError('empty_expression', 'the expression is empty', 0));
  const parser = new LogicParser(tokens.value, new Set(knownIndexes));
  try {
    const tree = parser.parseOr();
    parser.expectEnd();
    return ok(tree);
  } catch (thrown) {
    if (thrown instanceof ParseFailure) return err(thrown.error);
    throw thrown;
  }
}

/** Internal control flow of the recursive descent; never escapes `parseLogic`. */
class ParseFailure {
  constructor(readonly error: LogicParseError) {}
}

class LogicParser {
  private cursor = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly known: ReadonlySet<number>,
  ) {}

  parseOr(): LogicNode {
    const operands = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.cursor += 1;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): LogicNode {
    const operands = [this.parseNot()];
    while (this.peek().kind === 'and') {
      this.cursor += 1;
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseNot(): LogicNode {
    if (this.peek().kind === 'not') {
      this.cursor += 1;
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): LogicNode {
    const token = this.next();
    if (token.kind === 'index') {
      const index = Number(token.text);
      if (!this.known.has(index)) {
        this.fail(
          'unknown_index',
          `condition ${token.text} does not exist`,
          token.position,
        );
      }
      return { kind: 'condition', index, position: token.position };
    }
    if (token.kind === 'open') {
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'close') {
        this.fail(
          'missing_closing_parenthesis',
          `expected ")" to close "(" at ${token.position}`,
          close.position,
        );
      }
      return inner;
    }
    if (token.kind === 'end')
      this.fail(
        'unexpected_end',
        'expected a condition index or "("',
        token.position,
      );
    return this.fail(
      'unexpected_token',
      `expected a condition index or "(", found "${token.text}"`,
      token.position,
    );
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') {
      this.fail(
        'unexpected_token',
        `expected AND, OR or the end, found "${token.text}"`,
        token.position,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.cursor];
  }

  private next(): Token {
    const token = this.tokens[this.cursor];
    if (token.kind !== 'end') this.cursor += 1;
    return token;
  }

  private fail(code: LogicErrorCode, message: string, position: number): never {
    throw new ParseFailure(logicError(code, message, position));
  }
}

function logicError(
  code: LogicErrorCode,
  message: string,
  position: number,
): LogicParseError {
  return { code, message: `${message} (at position ${position})`, position };
}

/** Evaluates a tree, reading each condition's result through `conditionResult`. */
export function evaluateLogic(
  node: LogicNode,
  conditionResult: (index: number) => boolean,
): boolean {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'condition':
      return conditionResult(node.index);
    case 'not':
      return !evaluateLogic(node.operand, conditionResult);
    case 'and':
      return node.operands.every((operand) =>
        evaluateLogic(operand, conditionResult),
      );
    case 'or':
      return node.operands.some((operand) =>
        evaluateLogic(operand, conditionResult),
      );
  }
}

/** The tree of `all` (AND of every index; true when none) or `any` (OR; false when none). */
export function combineAll(
  kind: 'all' | 'any',
  indexes: readonly number[],
): LogicNode {
  if (indexes.length === 0) return { kind: 'constant', value: kind === 'all' };
  const operands = indexes.map((index): LogicNode => ({
    kind: 'condition',
    index,
    position: -1,
  }));
  return { kind: kind === 'all' ? 'and' : 'or', operands };
}

/** The expression written back in canonical, fully parenthesised form (for explanations). */
export function formatLogic(node: LogicNode): string {
  switch (node.kind) {
    case 'constant':
      return node.value ? 'TRUE' : 'FALSE';
    case 'condition':
      return String(node.index);
    case 'not':
      return `NOT ${wrap(node.operand)}`;
    case 'and':
      return node.operands.map(wrap).join(' AND ');
    case 'or':
      return node.operands.map(wrap).join(' OR ');
  }
}

function wrap(node: LogicNode): string {
  return node.kind === 'and' || node.kind === 'or'
    ? `(${formatLogic(node)})`
    : formatLogic(node);
}
