/**
 * Configuration and world types of the approvals engine, as they come in from outside
 * (database rows, API payloads, conformance scenarios). Compiled forms live beside the
 * code that compiles them.
 */

/** An ISO local date `YYYY-MM-DD`; compares correctly as a string. */
export type IsoDate = string;
export type UserId = string;
export type RuleId = string;

export type Scalar = string | number | boolean | null;
/** A quote or line field value: a scalar or a multi-value (array) field. */
export type FieldValue = Scalar | readonly Scalar[];

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'notContains',
  'startsWith',
  'in',
  'notIn',
  'isNull',
  'notNull',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface DirectoryUser {
  readonly id: UserId;
  readonly managerId?: UserId | null;
}

export interface DirectoryGroup {
  readonly id: string;
  readonly members: readonly UserId[];
}

export interface Delegation {
  readonly approver: UserId;
  readonly delegate: UserId;
  /** Inclusive; null or missing = open. */
  readonly from?: IsoDate | null;
  readonly to?: IsoDate | null;
}

export interface Directory {
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  readonly delegations: readonly Delegation[];
}

/** A filter on quote lines: `field` is a line field, compared with `value`. */
export interface LineFilter {
  readonly field: string;
  readonly op: Operator;
  readonly value?: FieldValue;
}

export type VariableFunction =
  'sum' | 'avg' | 'min' | 'max' | 'count' | 'discount';

export interface VariableDefinition {
  readonly name: string;
  readonly function: VariableFunction;
  /** The line field aggregated (unused by `discount`; optional for `count`). */
  readonly field?: string | null;
  readonly where?: readonly LineFilter[] | null;
}

export interface ConditionDefinition {
  readonly index: number;
  /** `quote.<field>` or `var.<name>`. */
  readonly tested: string;
  readonly op: Operator;
  /** Exactly one of `value`, `field`, `variable` (none for `isNull`/`notNull`). */
  readonly value?: FieldValue;
  readonly field?: string;
  readonly variable?: string;
  readonly smart?: boolean;
}

export type GroupMode = 'all' | 'any' | { readonly quorum: number };

export type ApproverSpec =
  | { readonly user: UserId }
  | { readonly group: string; readonly mode?: GroupMode | null }
  | { readonly field: string }
  | { readonly managerOf: string };

export type ConditionsMet = 'all' | 'any' | 'custom';

export interface EffectiveWindow {
  readonly from?: IsoDate | null;
  readonly to?: IsoDate | null;
}

export interface ApprovalRuleDefinition {
  readonly id: RuleId;
  readonly step: number;
  readonly chain?: string | null;
  readonly approver: ApproverSpec;
  readonly conditionsMet: ConditionsMet;
  readonly logic?: string | null;
  readonly conditions: readonly ConditionDefinition[];
  readonly effective?: EffectiveWindow | null;
  readonly reevaluateSmartIndividually?: boolean;
}

export interface QuoteLine {
  readonly id: string;
  readonly fields: Readonly<Record<string, FieldValue | undefined>>;
}

export interface Quote {
  readonly id: string;
  readonly ownerId: UserId;
  readonly fields: Readonly<Record<string, FieldValue | undefined>>;
  readonly lines: readonly QuoteLine[];
}

/** Everything needed to start an approval state: configuration, directory, quote, today. */
export interface ApprovalWorld {
  readonly today: IsoDate;
  readonly directory: Directory;
  readonly variables: readonly VariableDefinition[];
  readonly rules: readonly ApprovalRuleDefinition[];
  readonly quote: Quote;
}
