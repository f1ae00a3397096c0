import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Problem } from '@signet/console-data-access';

/** Shows a failed call's problem+json in words, with field errors when the API named them. */
@Component({
  selector: 'sg-problem-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .banner { border-radius: 8px; padding: 12px 16px; margin: 12px 0; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    strong { display: block; }
    ul { margin: 6px 0 0; padding-left: 20px; }
  `,
  template: `
    @if (problem(); as p) {
      <div class="banner" role="alert" data-testid="problem">
        <strong>{{ p.title }}</strong>
        <span>{{ p.detail }}</span>
        @if (p.errors.length) {
          <ul>
            @for (e of p.errors; track $index) {
              <li>{{ e.message }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ProblemBanner {
  readonly problem = input<Problem | null>(null);
}
