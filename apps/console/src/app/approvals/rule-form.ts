import type { ApprovalRuleDto, ApprovalRuleInputDto, ConditionOperator, RuleIssueDto } from '@signet/console-data-access';

/** A condition row as the editor holds it: the comparand is typed text until it is sent. */
export interface ConditionRow {
  index: number;
  tested: string;
  op: ConditionOperator;
  kind: 'value' | 'field' | 'variable' | 'none';
  text: string;
  smart: boolean;
}

export interface RuleForm {
  name: string;
  description: string;
  chain: string;
  step: number;
  active: boolean;
  approverType: 'user' | 'group' | 'field' | 'managerOf';
  userId: string;
  groupId: string;
  mode: 'all' | 'any' | 'quorum';
  quorum: number;
  approverField: string;
  conditionsMet: 'all' | 'any' | 'custom';
  logic: string;
  conditions: ConditionRow[];
  effectiveFrom: string;
  effectiveTo: string;
  reevaluateSmartIndividually: boolean;
}

export const OPERATORS: { value: ConditionOperator; label: string }[] = [
  { value: 'eq', label: '=' },
  { value: 'ne', label: '≠' },
  { value: 'gt', label: '>' },
  { value: 'ge', label: '≥' },
  { value: 'lt', label: '<' },
  { value: 'le', label: '≤' },
  { value: 'contains', label: 'contains' },
  { value: 'notContains', label: 'does not contain' },
  { value: 'startsWith', label: 'starts with' },
  { value: 'in', label: 'in list' },
  { value: 'notIn', label: 'not in list' },
  { value: 'isNull', label: 'is empty' },
  { value: 'notNull', label: 'is not empty' },
];

/** Standard quote fields approval conditions can test (custom fields come from GET /fields). */
export const STANDARD_QUOTE_FIELDS = [
  'discountPercent',
  'discountAmount',
  'netTotal',
  'listTotal',
  'oneTimeTotal',
  'recurringTotal',
  'lineCount',
  'termMonths',
  'startDate',
  'validUntil',
  'name',
  'number',
  'accountId',
  'accountName',
  'ownerId',
];

export function emptyForm(): RuleForm {
  return {
    name: '',
    description: '',
    chain: '',
    step: 1,
    active: true,
    approverType: 'user',
    userId: '',
    groupId: '',
    mode: 'any',
    quorum: 2,
    approverField: 'quote.ownerId',
    conditionsMet: 'all',
    logic: '',
    conditions: [{ index: 1, tested: 'quote.discountPercent', op: 'gt', kind: 'value', text: '20', smart: false }],
    effectiveFrom: '',
    effectiveTo: '',
    reevaluateSmartIndividually: false,
  };
}

export function formOf(rule: ApprovalRuleDto): RuleForm {
  const a = rule.approver;
  return {
    name: rule.name,
    description: rule.description,
    chain: rule.chain ?? '',
    step: rule.step,
    active: rule.active,
    approverType: a.type,
    userId: a.userId ?? '',
    groupId: a.groupId ?? '',
    mode: a.mode ?? 'any',
    quorum: a.quorum ?? 2,
    approverField: a.field ?? 'quote.ownerId',
    conditionsMet: rule.conditionsMet,
    logic: rule.logic ?? '',
    conditions: rule.conditions.map((c) => ({
      index: c.index,
      tested: c.tested,
      op: c.op,
      kind: c.field !== undefined ? 'field' : c.variable !== undefined ? 'variable' : c.op === 'isNull' || c.op === 'notNull' ? 'none' : 'value',
      text: c.field ?? c.variable ?? (Array.isArray(c.value) ? c.value.join(', ') : c.value === null || c.value === undefined ? '' : String(c.value)),
      smart: c.smart === true,
    })),
    effectiveFrom: rule.effectiveFrom ?? '',
    effectiveTo: rule.effectiveTo ?? '',
    reevaluateSmartIndividually: rule.reevaluateSmartIndividually,
  };
}

/** Text → literal: numbers stay numbers, true/false booleans, lists for in / notIn. */
function literal(text: string, op: ConditionOperator): string | number | boolean | (string | number)[] | null {
  const one = (t: string): string | number => (t.trim() !== '' && !Number.isNaN(Number(t)) ? Number(t) : t.trim());
  if (op === 'in' || op === 'notIn') return text.split(',').map(one).filter((v) => v !== '');
  if (text.trim() === '') return null;
  if (text.trim() === 'true' || text.trim() === 'false') return text.trim() === 'true';
  return one(text);
}

export function toInput(form: RuleForm): ApprovalRuleInputDto {
  const approver =
    form.approverType === 'user'
      ? { type: form.approverType, userId: form.userId }
      : form.approverType === 'group'
        ? { type: form.approverType, groupId: form.groupId, mode: form.mode, ...(form.mode === 'quorum' ? { quorum: Number(form.quorum) } : {}) }
        : { type: form.approverType, field: form.approverField };
  return {
    name: form.name,
    description: form.description,
    chain: form.chain.trim() || null,
    step: Number(form.step),
    active: form.active,
    approver,
    conditionsMet: form.conditionsMet,
    logic: form.conditionsMet === 'custom' ? form.logic : null,
    conditions: form.conditions.map((c) => ({
      index: Number(c.index),
      tested: c.tested,
      op: c.op,
      smart: c.smart,
      ...(c.op === 'isNull' || c.op === 'notNull' ? {} : c.kind === 'field' ? { field: c.text.trim() } : c.kind === 'variable' ? { variable: c.text.trim() } : { value: literal(c.text, c.op) }),
    })),
    effectiveFrom: form.effectiveFrom || null,
    effectiveTo: form.effectiveTo || null,
    reevaluateSmartIndividually: form.reevaluateSmartIndividually,
  };
}

/** Errors by where they belong: the rule, the logic, the approver, or condition row N. */
export function groupIssues(issues: readonly RuleIssueDto[]): { general: string[]; logic: RuleIssueDto[]; approver: string[]; rows: Map<number, string[]> } {
  const grouped = { general: [] as string[], logic: [] as RuleIssueDto[], approver: [] as string[], rows: new Map<number, string[]>() };
  for (const issue of issues) {
    const row = /^conditions\.(\d+)/.exec(issue.field);
    if (row) grouped.rows.set(Number(row[1]), [...(grouped.rows.get(Number(row[1])) ?? []), issue.message]);
    else if (issue.field === 'logic') grouped.logic.push(issue);
    else if (issue.field.startsWith('approver')) grouped.approver.push(issue.message);
    else grouped.general.push(`${issue.field}: ${issue.message}`);
  }
  return grouped;
}
