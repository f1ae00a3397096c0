import { compileRule } from './compile-rules';
import {
  OPERATORS,
  type ApprovalRuleDefinition,
  type ConditionDefinition,
  type VariableDefinition,
} from './model';
import { parseLogic } from './parse-logic';
import { parseOperandRef } from './read-operand';

/**
 * Save-time validation of rules and variables with a pointer to what is wrong, so an editor can
 * put the message beside the offending condition. Paths use the JSON shape of the definition:
 * `conditions.2.tested`, `logic`, `approver.user`, `where.0.field`.
 */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
  /** For `logic`: the 0-based character offset of the error. */
  readonly position?: number;
  /** For a condition: the condition's own `index` (what the logic refers to). */
  readonly conditionIndex?: number;
}

/** What exists: field names (null = not checked), variables, users and groups by id. */
export interface DefinitionCatalogue {
  readonly quoteFields: ReadonlySet<string> | null;
  readonly lineFields: ReadonlySet<string> | null;
  readonly variables: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

/** `quote.id` and `quote.ownerId` read the quote itself and always exist. */
const BUILT_IN_QUOTE_FIELDS = new Set(['id', 'ownerId']);
const UNARY = new Set(['isNull', 'notNull']);

export function validateRuleDefinition(
  rule: ApprovalRuleDefinition,
  catalogue: DefinitionCatalogue,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(rule.step) || rule.step < 1)
    issues.push({
      path: 'step',
      message: 'step must be a whole number from 1',
    });
  issues.push(...approverIssues(rule, catalogue));
  const seen = new Set<number>();
  rule.conditions.forEach((condition, position) => {
    const at = `conditions.${position}`;
    if (seen.has(condition.index))
      issues.push({
        path: `${at}.index`,
        message: `condition number ${condition.index} is used twice`,
        conditionIndex: condition.index,
      });
    seen.add(condition.index);
    issues.push(...conditionIssues(condition, at, catalogue));
  });
  if (rule.conditionsMet === 'custom') {
    const parsed = parseLogic(
      rule.logic ?? '',
      rule.conditions.map((c) => c.index),
    );
    if (!parsed.ok)
      issues.push({
        path: 'logic',
        message: parsed.error.message,
        position: parsed.error.position,
      });
  }
  const from = rule.effective?.from;
  const to = rule.effective?.to;
  if (from && to && to < from)
    issues.push({
      path: 'effective.to',
      message: `the rule stops (${to}) before it starts (${from})`,
    });
  if (issues.length === 0) {
    // The engine's own compiler is the last word: anything it refuses is an issue too.
    const compiled = compileRule(rule, catalogue.variables);
    if (!compiled.ok)
      issues.push({ path: 'rule', message: compiled.error.message });
  }
  return issues;
}

function conditionIssues(
  condition: ConditionDefinition,
  at: string,
  catalogue: DefinitionCatalogue,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, message: string) =>
    issues.push({
      path: `${at}.${path}`,
      message: `condition ${condition.index}: ${message}`,
      conditionIndex: condition.index,
    });
  if (!Number.isInteger(condition.index) || condition.index < 1)
    issue('index', 'the number must be a whole number from 1');
  if (!(OPERATORS as readonly string[]).includes(condition.op))
    issue('op', `unknown operator "${String(condition.op)}"`);
  const tested = operandIssue(condition.tested, catalogue, true);
  if (tested) issue('tested', tested);
  const given = (['value', 'field', 'variable'] as const).filter(
    (key) => condition[key] !== undefined,
  );
  if (UNARY.has(condition.op)) {
    if (given.length > 0)
      issue(given[0], `${condition.op} takes no value to compare with`);
    return issues;
  }
  if (given.length !== 1) {
    issue(
      given[1] ?? 'value',
      'give exactly one of a value, a quote field or a variable to compare with',
    );
    return issues;
  }
  if (condition.field !== undefined) {
    const problem = operandIssue(condition.field, catalogue, false);
    if (problem) issue('field', problem);
  }
  if (
    condition.variable !== undefined &&
    !catalogue.variables.has(condition.variable)
  )
    issue('variable', `there is no variable "${condition.variable}"`);
  const listOperator = condition.op === 'in' || condition.op === 'notIn';
  if (
    condition.value !== undefined &&
    !listOperator &&
    Array.isArray(condition.value)
  )
    issue('value', `${condition.op} compares with one value, not a list`);
  return issues;
}

/** Null when the reference is fine; otherwise why not. */
function operandIssue(
  text: string,
  catalogue: DefinitionCatalogue,
  allowVariable: boolean,
): string | null {
  const ref = typeof text === 'string' ? parseOperandRef(text) : null;
  if (!ref || (!allowVariable && ref.source === 'var'))
    return allowVariable
      ? `"${String(text)}" is neither quote.<field> nor var.<name>`
      : `"${String(text)}" is not quote.<field>`;
  if (ref.source === 'var')
    return catalogue.variables.has(ref.name)
      ? null
      : `there is no variable "${ref.name}"`;
  if (
    catalogue.quoteFields &&
    !BUILT_IN_QUOTE_FIELDS.has(ref.name) &&
    !catalogue.quoteFields.has(ref.name)
  )
    return `the quote has no field "${ref.name}"`;
  return null;
}

function approverIssues(
  rule: ApprovalRuleDefinition,
  catalogue: DefinitionCatalogue,
): ConfigIssue[] {
  const spec = rule.approver;
  if ('user' in spec)
    return catalogue.users.has(spec.user)
      ? []
      : [
          {
            path: 'approver.user',
            message: `user ${spec.user} does not exist or is inactive`,
          },
        ];
  if ('group' in spec) {
    const issues: ConfigIssue[] = [];
    if (!catalogue.groups.has(spec.group))
      issues.push({
        path: 'approver.group',
        message: `group ${spec.group} does not exist`,
      });
    const mode = spec.mode;
    if (
      mode &&
      typeof mode === 'object' &&
      (!Number.isInteger(mode.quorum) || mode.quorum < 1)
    )
      issues.push({
        path: 'approver.mode',
        message: 'a quorum must be a whole number from 1',
      });
    return issues;
  }
  const key = 'field' in spec ? 'field' : 'managerOf';
  const text = 'field' in spec ? spec.field : spec.managerOf;
  const problem = operandIssue(text, catalogue, false);
  return problem ? [{ path: `approver.${key}`, message: problem }] : [];
}

export function validateVariableDefinition(
  variable: VariableDefinition,
  catalogue: Pick<DefinitionCatalogue, 'lineFields'>,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(variable.name ?? ''))
    issues.push({
      path: 'name',
      message: 'a name starts with a letter and has only letters, digits and _',
    });
  const needsField = ['sum', 'avg', 'min', 'max'].includes(variable.function);
  if (needsField && !variable.field)
    issues.push({
      path: 'field',
      message: `${variable.function} needs a line field`,
    });
  if (variable.function === 'discount' && variable.field)
    issues.push({
      path: 'field',
      message:
        "discount uses each line's netTotal and listTotal; give no field",
    });
  const lineField = (name: string) =>
    name === 'id' || !catalogue.lineFields || catalogue.lineFields.has(name);
  if (variable.field && !lineField(variable.field))
    issues.push({
      path: 'field',
      message: `quote lines have no field "${variable.field}"`,
    });
  (variable.where ?? []).forEach((filter, i) => {
    if (!lineField(filter.field))
      issues.push({
        path: `where.${i}.field`,
        message: `quote lines have no field "${filter.field}"`,
      });
    if (!(OPERATORS as readonly string[]).includes(filter.op))
      issues.push({
        path: `where.${i}.op`,
        message: `unknown operator "${String(filter.op)}"`,
      });
  });
  return issues;
}
