import Handlebars from 'handlebars';
import type { FieldError } from './field-error';
import {
  TEMPLATE_VARIABLES,
  type TemplateContext,
  type VariableSchema,
} from './template-context';

/** One event's message: a subject line, an HTML part and a plain-text part, in Handlebars. */
export interface TemplateParts {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
export type TemplatePart = keyof TemplateParts;
const PARTS: readonly TemplatePart[] = ['subject', 'html', 'text'];
const MAX_LENGTH: Record<TemplatePart, number> = {
  subject: 300,
  html: 100_000,
  text: 50_000,
};

export interface TemplateProblem {
  readonly part: TemplatePart;
  /** 1-based line in that part. */
  readonly line: number;
  readonly message: string;
}

type Ast = hbs.AST.Node;
type Scope = readonly VariableSchema[];

const DATA_VARIABLES = new Set(['index', 'first', 'last', 'key']);
const PLAIN_HELPERS = new Set(['if', 'unless']);
const hb = Handlebars.create();

function describe(schema: VariableSchema): string {
  if (schema === 'value') return 'a value';
  return 'items' in schema
    ? 'a list'
    : `an object with ${Object.keys(schema.fields).join(', ')}`;
}

type Resolved =
  { readonly schema: VariableSchema } | { readonly error: string };

/** Resolves a path against the scope stack: the schema it names, or why it names nothing. */
function resolve(path: hbs.AST.PathExpression, scope: Scope): Resolved {
  let parts = [...path.parts];
  let schema: VariableSchema;
  if (path.data) {
    if (parts[0] === 'root') {
      schema = scope[0];
      parts = parts.slice(1);
    } else {
      return parts.length === 1 && DATA_VARIABLES.has(parts[0])
        ? { schema: 'value' }
        : { error: `unknown data variable '${path.original}'` };
    }
  } else {
    const depth = path.depth ?? 0;
    if (depth >= scope.length)
      return { error: `'${path.original}' goes above the top of the template` };
    schema = scope[scope.length - 1 - depth];
  }
  for (const part of parts) {
    if (schema === 'value' || 'items' in schema || !(part in schema.fields)) {
      const known =
        schema !== 'value' && 'fields' in schema
          ? ` (known here: ${Object.keys(schema.fields).join(', ')})`
          : '';
      return { error: `unknown variable '${path.original}'${known}` };
    }
    schema = schema.fields[part];
  }
  return { schema };
}

function lineOf(node: Ast): number {
  return node.loc?.start.line ?? 1;
}

/** Walks the tree checking every variable against the context schema and every helper against the few allowed. */
function checkNode(
  node: Ast,
  scope: Scope,
  problems: Omit<TemplateProblem, 'part'>[],
): void {
  const report = (at: Ast, message: string) =>
    problems.push({ line: lineOf(at), message });
  const checkValue = (expr: hbs.AST.Expression) => {
    if (expr.type === 'PathExpression') {
      const found = resolve(expr as hbs.AST.PathExpression, scope);
      if ('error' in found) report(expr, found.error);
    } else if (expr.type === 'SubExpression') {
      report(expr, 'sub-expressions are not supported');
    }
  };
  switch (node.type) {
    case 'Program':
      for (const statement of (node as hbs.AST.Program).body)
        checkNode(statement, scope, problems);
      return;
    case 'MustacheStatement': {
      const m = node as hbs.AST.MustacheStatement;
      if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) {
        report(
          m,
          `unknown helper '${(m.path as hbs.AST.PathExpression).original ?? '?'}': only variables, #if, #unless and #each are allowed`,
        );
        return;
      }
      checkValue(m.path as hbs.AST.Expression);
      return;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      const helper = (b.path as hbs.AST.PathExpression).original;
      if (b.params.length !== 1) {
        report(b, `'#${helper}' needs exactly one variable`);
        return;
      }
      const param = b.params[0];
      if (PLAIN_HELPERS.has(helper)) {
        checkValue(param);
        checkNode(b.program, scope, problems);
      } else if (helper === 'each') {
        const found: Resolved =
          param.type === 'PathExpression'
            ? resolve(param as hbs.AST.PathExpression, scope)
            : { error: "'#each' needs a variable" };
        if ('error' in found) report(param, found.error);
        else if (found.schema === 'value' || !('items' in found.schema)) {
          report(
            param,
            `'#each ${(param as hbs.AST.PathExpression).original}' needs a list, but that is ${describe(found.schema)}`,
          );
        } else checkNode(b.program, [...scope, found.schema.items], problems);
      } else {
        report(
          b,
          `unknown block '#${helper}': only #if, #unless and #each are allowed`,
        );
        return;
      }
      if (b.inverse) checkNode(b.inverse, scope, problems);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
      report(node, 'partials ({{> name}}) are not supported');
      return;
    case 'DecoratorBlock':
    case 'Decorator':
      report(node, 'decorators are not supported');
      return;
    default:
      return;
  }
}

/** Handlebars' parse error: "Parse error on line N:\n<excerpt>\n---^\nExpecting …". */
function parseProblem(error: unknown): Omit<TemplateProblem, 'part'> {
  const err = error as { message?: string; lineNumber?: number };
  const message = String(err.message ?? error);
  const lineMatch = /line (\d+)/.exec(message);
  const lines = message.split('\n');
  const expecting = lines.length >= 4 ? lines[lines.length - 1] : message;
  const excerpt =
    lines.length >= 4 ? ` near '${lines[1].trim().slice(-40)}'` : '';
  const clean = expecting.replace(/ - \d+:\d+$/, '');
  return {
    line: err.lineNumber ?? (lineMatch ? Number(lineMatch[1]) : 1),
    message: `syntax error: ${clean}${excerpt}`,
  };
}

/** Every problem in the template, by part and line. Empty means it is safe to save. */
export function validateTemplate(parts: TemplateParts): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of PARTS) {
    const source = parts[part];
    if (source.trim().length === 0) {
      problems.push({ part, line: 1, message: 'must not be empty' });
      continue;
    }
    if (source.length > MAX_LENGTH[part]) {
      problems.push({
        part,
        line: 1,
        message: `is too long (${source.length} characters, at most ${MAX_LENGTH[part]})`,
      });
      continue;
    }
    if (part === 'subject' && /[\r\n]/.test(source)) {
      problems.push({ part, line: 2, message: 'must be a single line' });
      continue;
    }
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source);
    } catch (error) {
      problems.push({ part, ...parseProblem(error) });
      continue;
    }
    const found: Omit<TemplateProblem, 'part'>[] = [];
    checkNode(ast, [TEMPLATE_VARIABLES], found);
    if (found.length === 0) {
      // The compiler finds what the parser lets through (e.g. a block closed by the wrong name).
      try {
        hb.precompile(source, { knownHelpersOnly: true });
      } catch (error) {
        found.push(parseProblem(error));
      }
    }
    problems.push(...found.map((p) => ({ part, ...p })));
  }
  return problems;
}

export function templateProblemsAsFieldErrors(
  problems: readonly TemplateProblem[],
  prefix = '',
): FieldError[] {
  return problems.map((p) => ({
    field: `${prefix}${p.part}`,
    message: `line ${p.line}: ${p.message}`,
  }));
}

interface CompiledTemplate {
  readonly subject: Handlebars.TemplateDelegate;
  readonly html: Handlebars.TemplateDelegate;
  readonly text: Handlebars.TemplateDelegate;
}

const compiledCache = new Map<string, CompiledTemplate>();

/** Validates once per distinct template, then reuses the compiled functions. */
function compileTemplate(parts: TemplateParts): CompiledTemplate {
  const key = JSON.stringify([parts.subject, parts.html, parts.text]);
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const problems = validateTemplate(parts);
  if (problems.length > 0)
    throw new Error(
      `invalid template: ${templateProblemsAsFieldErrors(problems)
        .map((e) => `${e.field} ${e.message}`)
        .join('; ')}`,
    );
  const options = { knownHelpersOnly: true, strict: false };
  const result: CompiledTemplate = {
    subject: hb.compile(parts.subject, { ...options, noEscape: true }),
    html: hb.compile(parts.html, { ...options, noEscape: false }),
    text: hb.compile(parts.text, { ...options, noEscape: true }),
  };
  if (compiledCache.size >= 200) compiledCache.clear();
  compiledCache.set(key, result);
  return result;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * Renders a validated template. The HTML part escapes variables; the subject and text parts do
 * not (they are not HTML). Throws on a template that `validateTemplate` would refuse.
 */
export function renderTemplate(
  parts: TemplateParts,
  context: TemplateContext,
): RenderedMessage {
  const template = compileTemplate(parts);
  return {
    subject: template.subject(context).replace(/\s+/g, ' ').trim(),
    html: template.html(context),
    text: template.text(context),
  };
}
