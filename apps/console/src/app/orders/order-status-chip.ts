import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** An order's or contract's state as a small coloured label. */
@Component({
  selector: 'sg-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    span {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      text-transform: capitalize;
      background: var(--mat-sys-surface-container-high);
    }
    .activated,
    .fulfilled,
    .applied {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .scheduled,
    .quoted {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .cancelled,
    .terminated {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  template: `<span [class]="state()" data-testid="state">{{ state() }}</span>`,
})
export class StateChip {
  readonly state = input.required<string>();
}
