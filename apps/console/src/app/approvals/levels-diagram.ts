import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApprovalRuleDto } from '@signet/console-data-access';

/**
 * The rule set by step: each column is a level whose rules run in parallel; arrows show the
 * levels running in series. Inactive rules are left out, as the engine leaves them out.
 */
@Component({
  selector: 'sg-levels-diagram',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .diagram { display: flex; align-items: stretch; gap: 0; overflow-x: auto; padding: 8px 0; }
    .level { min-width: 200px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 10px; padding: 10px; background: var(--mat-sys-surface); }
    .level h3 { margin: 0 0 4px; font: var(--mat-sys-title-small); }
    .level small { color: var(--mat-sys-on-surface-variant); }
    .rule { display: block; margin-top: 8px; padding: 8px; border-radius: 8px; background: var(--mat-sys-secondary-container); color: inherit; text-decoration: none; }
    .rule .chain { font-size: 11px; color: var(--mat-sys-on-surface-variant); }
    .rule .who { font-size: 12px; }
    .arrow { display: flex; align-items: center; padding: 0 10px; font-size: 24px; color: var(--mat-sys-outline); }
    .empty { color: var(--mat-sys-on-surface-variant); padding: 16px; }
  `,
  template: `
    @if (levels().length === 0) {
      <div class="empty">No active rules: every quote is approved on submit.</div>
    } @else {
      <div class="diagram" data-testid="levels-diagram" role="list" aria-label="Approval levels">
        @for (level of levels(); track level.step; let last = $last) {
          <div class="level" role="listitem" [attr.data-step]="level.step">
            <h3>Step {{ level.step }}</h3>
            <small>{{ level.rules.length > 1 ? level.rules.length + ' rules in parallel' : '1 rule' }}</small>
            @for (rule of level.rules; track rule.id) {
              <a class="rule" [routerLink]="linkable() ? ['/approvals/rules', rule.id] : null" [attr.data-rule]="rule.name">
                @if (rule.chain) { <div class="chain">{{ rule.chain }}</div> }
                <div>{{ rule.name }}</div>
                <div class="who">{{ rule.approverLabel }}</div>
              </a>
            }
          </div>
          @if (!last) { <div class="arrow" aria-hidden="true">→</div> }
        }
      </div>
    }
  `,
})
export class LevelsDiagram {
  readonly rules = input.required<readonly ApprovalRuleDto[]>();
  readonly linkable = input(true);
  protected readonly levels = computed(() => {
    const byStep = new Map<number, ApprovalRuleDto[]>();
    for (const rule of this.rules().filter((r) => r.active)) byStep.set(rule.step, [...(byStep.get(rule.step) ?? []), rule]);
    return [...byStep.entries()].sort(([a], [b]) => a - b).map(([step, rules]) => ({ step, rules }));
  });
}
