export * from './lib/model';
export * from './lib/result';
export * from './lib/approval-error';
export { evaluateOperator } from './lib/evaluate-condition';
export {
  compareValues,
  formatValue,
  valuesDiffer,
  valuesEqual,
} from './lib/compare-values';
export {
  combineAll,
  evaluateLogic,
  formatLogic,
  parseLogic,
  tokenizeLogic,
  type LogicErrorCode,
  type LogicNode,
  type LogicParseError,
} from './lib/parse-logic';
export {
  computeVariable,
  computeVariables,
  type VariableValues,
} from './lib/compute-variables';
export {
  parseOperandRef,
  formatOperandRef,
  type OperandRef,
  type EvaluationInput,
} from './lib/read-operand';
export {
  compileRule,
  compileRules,
  validateVariables,
  type Comparand,
  type CompiledCondition,
  type CompiledRule,
} from './lib/compile-rules';
export {
  evaluateCondition,
  evaluateRule,
  isRuleInEffect,
  type ConditionReason,
  type RuleEvaluation,
} from './lib/evaluate-rule';
export {
  activeDelegates,
  assigneesOf,
  isWithin,
  resolveApprovers,
  type DelegateAssignment,
  type RequestMode,
  type ResolvedApprovers,
} from './lib/resolve-approvers';
export {
  isRequestSatisfied,
  seatsHeldBy,
  type Decision,
} from './lib/request-progress';
export {
  hasSmartCondition,
  retestSmartRule,
  takeSnapshot,
  type SmartConditionRetest,
  type SmartRetest,
  type Snapshot,
} from './lib/smart-retest';
export { suggestAvoidance, type Avoidance } from './lib/suggest-avoidance';
export {
  displayName,
  explainAvoidance,
  explainReason,
  explainSmartRetest,
  operatorSymbol,
} from './lib/explain-reason';
export {
  approvedRules,
  autoApprovedRules,
  createApprovalState,
  currentSubmission,
  currentVariables,
  openRequests,
  type ApprovalRequest,
  type ApprovalState,
  type HistoryEntry,
  type OpenRequestView,
  type QuoteStatus,
  type RequestStatus,
  type Submission,
  type SubmissionOutcome,
} from './lib/submission-state';
export {
  planSubmission,
  previewSubmission,
  type PlanEntry,
  type SubmissionPlan,
  type UnmatchedRule,
} from './lib/plan-submission';
export { submitQuote, type SubmitContext } from './lib/submit-quote';
export { decideRequest, type DecisionInput } from './lib/decide-request';
export { recallSubmission } from './lib/recall-submission';
export { editQuote, applyEdit, type QuoteEdit } from './lib/edit-quote';
export { reassignRequest, substituteApprover } from './lib/substitute-approver';
export {
  applyApprovalAction,
  type ActionContext,
  type ApprovalAction,
  type ApprovalActionType,
} from './lib/apply-action';
export {
  validateRuleDefinition,
  validateVariableDefinition,
  type ConfigIssue,
  type DefinitionCatalogue,
} from './lib/validate-definitions';
export { comparePlans, type PlanDifference } from './lib/compare-plans';
