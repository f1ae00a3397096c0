import type {
  ApprovalAction,
  ApprovalRuleDefinition,
  ApprovalWorld,
  Directory,
  FieldValue,
  QuoteLine,
  VariableDefinition,
} from '@signet/approvals-domain';

/** A scenario step as written: an action name, its arguments and what it must produce. */
export interface RawStep {
  readonly action: string;
  readonly expect?: Record<string, unknown>;
  readonly expectError?: string;
  readonly [key: string]: unknown;
}

export interface ApprovalsScenario {
  readonly name: string;
  readonly world: ApprovalWorld;
  readonly steps: readonly RawStep[];
}

/** Thrown for malformed scenario input; the runner turns it into a failed load or step. */
export class ScenarioShapeError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, where: string): Json {
  if (!isObject(value))
    throw new ScenarioShapeError(`${where} must be an object`);
  return value;
}

function array(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new ScenarioShapeError(`${where} must be an array`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '')
    throw new ScenarioShapeError(`${where} must be a non-empty string`);
  return value;
}

function line(value: unknown, where: string): QuoteLine {
  const raw = object(value, where);
  return {
    id: text(raw['id'], `${where}.id`),
    fields: object(
      raw['fields'] ?? {},
      `${where}.fields`,
    ) as QuoteLine['fields'],
  };
}

/** Reads a scenario's world and steps; the domain validates the configuration itself. */
export function readApprovalsScenario(scenario: unknown): ApprovalsScenario {
  const raw = object(scenario, 'scenario');
  const directory = object(raw['directory'] ?? {}, 'directory');
  const quote = object(raw['quote'], 'quote');
  const world: ApprovalWorld = {
    today: text(raw['today'], 'today'),
    directory: {
      users: array(directory['users'], 'directory.users'),
      groups: array(directory['groups'], 'directory.groups'),
      delegations: array(directory['delegations'], 'directory.delegations'),
    } as Directory,
    variables: array(raw['variables'], 'variables') as VariableDefinition[],
    rules: array(raw['rules'], 'rules') as ApprovalRuleDefinition[],
    quote: {
      id: text(quote['id'], 'quote.id'),
      ownerId: text(quote['ownerId'], 'quote.ownerId'),
      fields: object(quote['fields'] ?? {}, 'quote.fields') as Record<
        string,
        FieldValue
      >,
      lines: array(quote['lines'], 'quote.lines').map((l, i) =>
        line(l, `quote.lines[${i}]`),
      ),
    },
  };
  const steps = array(raw['steps'], 'steps').map((step, i) => {
    const s = object(step, `steps[${i}]`);
    text(s['action'], `steps[${i}].action`);
    return s as unknown as RawStep;
  });
  return {
    name: typeof raw['name'] === 'string' ? raw['name'] : '(unnamed)',
    world,
    steps,
  };
}

/** The domain action a step asks for, or `preview` (a query, not an action). */
export function toAction(step: RawStep): ApprovalAction | 'preview' {
  const at = `step "${step.action}"`;
  switch (step.action) {
    case 'preview':
      return 'preview';
    case 'submit':
    case 'recall':
      return { type: step.action, by: text(step['by'], `${at}.by`) };
    case 'approve':
    case 'reject':
      return {
        type: step.action,
        rule: text(step['rule'], `${at}.rule`),
        by: text(step['by'], `${at}.by`),
        comment: typeof step['comment'] === 'string' ? step['comment'] : null,
      };
    case 'edit': {
      const lines =
        step['lines'] === undefined
          ? undefined
          : object(step['lines'], `${at}.lines`);
      return {
        type: 'edit',
        ...(typeof step['by'] === 'string' ? { by: step['by'] } : {}),
        fields: object(step['fields'] ?? {}, `${at}.fields`) as Record<
          string,
          FieldValue
        >,
        lines: {
          upsert: array(lines?.['upsert'], `${at}.lines.upsert`).map((l, i) =>
            line(l, `${at}.lines.upsert[${i}]`),
          ),
          remove: array(lines?.['remove'], `${at}.lines.remove`).map((id, i) =>
            text(id, `${at}.lines.remove[${i}]`),
          ),
        },
      };
    }
    case 'setToday':
      return { type: 'setToday', today: text(step['today'], `${at}.today`) };
    case 'substitute':
      return {
        type: 'substitute',
        from: text(step['from'], `${at}.from`),
        to: text(step['to'], `${at}.to`),
      };
    case 'reassign':
      return {
        type: 'reassign',
        rule: text(step['rule'], `${at}.rule`),
        from: text(step['from'], `${at}.from`),
        to: text(step['to'], `${at}.to`),
      };
    default:
      throw new ScenarioShapeError(`unknown action "${step.action}"`);
  }
}
