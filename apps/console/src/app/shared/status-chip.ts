import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A quote's status as a small coloured label. */
@Component({
  selector: 'sg-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    span { display: inline-block; padding: 2px 10px; border-radius: 12px; font: var(--mat-sys-label-medium); text-transform: capitalize;
      background: var(--mat-sys-surface-container-high); }
    .pending { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .approved { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .rejected { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
  template: `<span [class]="status()" data-testid="status">{{ status() }}</span>`,
})
export class StatusChip {
  readonly status = input.required<string>();
}
