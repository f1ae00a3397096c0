import fc from 'fast-check';
import { applyApprovalAction } from './apply-action';
import type { ApprovalRuleDefinition } from './model';
import { planSubmission } from './plan-submission';
import { openRequests, type ApprovalState } from './submission-state';
import {
  condition,
  rule,
  stateOf,
  users,
  world,
} from './testing/world-factory';

/** Property-based checks of levels: order by step, all of a level open at once, nothing skipped. */

interface RuleShape {
  step: number;
  matches: boolean;
  approver: string;
}

const APPROVERS = ['a1', 'a2', 'a3', 'b1', 'b2'];

const ruleSet = fc.array(
  fc.record({
    step: fc.integer({ min: 1, max: 6 }),
    matches: fc.boolean(),
    approver: fc.constantFrom(...APPROVERS),
  }),
  { minLength: 1, maxLength: 10 },
);

function stateFor(shapes: readonly RuleShape[]): ApprovalState {
  const rules: ApprovalRuleDefinition[] = shapes.map((s, i) =>
    rule(`R${i + 1}`, {
      step: s.step,
      approver: { user: s.approver },
      // discountPercent is 15: "> 10" matches, "> 50" does not.
      conditions: [
        condition(1, 'quote.discountPercent', 'gt', s.matches ? 10 : 50),
      ],
    }),
  );
  return stateOf(
    world({
      rules,
      directory: {
        users: users('rep', ...APPROVERS),
        groups: [],
        delegations: [],
      },
    }),
  );
}

function matchedSteps(shapes: readonly RuleShape[]): number[] {
  return [...new Set(shapes.filter((s) => s.matches).map((s) => s.step))].sort(
    (a, b) => a - b,
  );
}

function must(result: ReturnType<typeof applyApprovalAction>): ApprovalState {
  if (!result.ok)
    throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('levels (properties)', () => {
  it('plans exactly the matching rules, ordered by step', () => {
    fc.assert(
      fc.property(ruleSet, (shapes) => {
        const plan = planSubmission(stateFor(shapes));
        const expected = shapes
          .map((s, i) => ({ ...s, id: `R${i + 1}` }))
          .filter((s) => s.matches);
        const steps = plan.entries.map((e) => e.step);
        return (
          plan.entries.length === expected.length &&
          steps.every((step, i) => i === 0 || steps[i - 1] <= step) &&
          expected.every((s) =>
            plan.entries.some((e) => e.ruleId === s.id && e.step === s.step),
          )
        );
      }),
    );
  });

  it('opens levels one at a time in step order, each level whole, until approved', () => {
    fc.assert(
      fc.property(
        ruleSet,
        fc.integer({ min: 0, max: 1000 }),
        (shapes, seed) => {
          let state = must(
            applyApprovalAction(stateFor(shapes), {
              type: 'submit',
              by: 'rep',
            }),
          );
          const steps = matchedSteps(shapes);
          if (steps.length === 0)
            return (
              state.status === 'approved' && openRequests(state).length === 0
            );
          for (const step of steps) {
            const open = openRequests(state);
            const expected = shapes.flatMap((s, i) =>
              s.matches && s.step === step ? [`R${i + 1}`] : [],
            );
            if (state.status !== 'pending') return false;
            if (open.some((r) => r.step !== step)) return false;
            if (
              open
                .map((r) => r.ruleId)
                .sort()
                .join() !== expected.sort().join()
            )
              return false;
            // Approve the level's requests in a seed-dependent order; the level stays open until the last.
            const order = [...open].sort(
              (a, b) =>
                ((a.ruleId.length * seed) % 7) -
                  ((b.ruleId.length * seed) % 7) ||
                a.ruleId.localeCompare(b.ruleId),
            );
            order.forEach((request, n) => {
              state = must(
                applyApprovalAction(state, {
                  type: 'approve',
                  rule: request.ruleId,
                  by: request.approvers[0],
                }),
              );
              const stillOpen = openRequests(state);
              if (
                n < order.length - 1 &&
                stillOpen.some((r) => r.step !== step)
              )
                throw new Error(
                  `a later level opened before step ${step} completed`,
                );
            });
          }
          return (
            state.status === 'approved' && openRequests(state).length === 0
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a rejection at any level rejects the quote and never opens a later level', () => {
    fc.assert(
      fc.property(ruleSet, fc.nat(), (shapes, pick) => {
        const steps = matchedSteps(shapes);
        fc.pre(steps.length > 0);
        let state = must(
          applyApprovalAction(stateFor(shapes), { type: 'submit', by: 'rep' }),
        );
        const rejectAt = steps[pick % steps.length];
        for (const step of steps) {
          const open = openRequests(state);
          if (step === rejectAt) {
            const victim = open[pick % open.length];
            state = must(
              applyApprovalAction(state, {
                type: 'reject',
                rule: victim.ruleId,
                by: victim.approvers[0],
                comment: 'no',
              }),
            );
            const submission = state.submissions.at(-1);
            return (
              state.status === 'rejected' &&
              openRequests(state).length === 0 &&
              (submission?.requests ?? []).every(
                (r) =>
                  r.status !== 'open' &&
                  r.status !== 'waiting' &&
                  (r.step <= step || r.openedOn === null),
              )
            );
          }
          for (const request of open)
            state = must(
              applyApprovalAction(state, {
                type: 'approve',
                rule: request.ruleId,
                by: request.approvers[0],
              }),
            );
        }
        return false;
      }),
      { numRuns: 300 },
    );
  });
});
