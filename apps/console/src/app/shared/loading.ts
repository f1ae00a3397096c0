import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

@Component({
  selector: 'sg-loading',
  imports: [MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `:host { display: flex; justify-content: center; padding: 48px; }`,
  template: `<mat-spinner diameter="40" aria-label="Loading" />`,
})
export class Loading {}
