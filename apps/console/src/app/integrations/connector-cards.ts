import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Api, AuthStore, type ConnectorDto, type Problem, syncPause, syncPing, syncResume, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** One card per connector: health, queue depths, last outcomes, pause/resume and a test event. */
@Component({
  selector: 'sg-connector-cards',
  imports: [DatePipe, MatCardModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; margin-bottom: 24px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
    .counts { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; font-size: 13px; }
    .when { font-size: 12px; color: var(--mat-sys-on-surface-variant); margin: 2px 0; }
    .actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
    .health { padding: 2px 10px; border-radius: 12px; font: var(--mat-sys-label-medium); background: var(--mat-sys-surface-container-high); }
    .health.ok { background: #d7f5dd; color: #0d5c26; }
    .health.degraded { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .health.paused { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
  `,
  template: `
    <sg-problem-banner [problem]="problem()" />
    <div class="grid">
      @for (c of connectors(); track c.id) {
        <mat-card appearance="outlined" [attr.data-connector]="c.id">
          <mat-card-content>
            <h2>{{ c.name }} <span class="health" [class]="'health ' + c.health" [attr.data-testid]="'health-' + c.id">{{ c.health }}</span></h2>
            @if (c.enabled) {
              <div class="counts" [attr.data-testid]="'depths-' + c.id">
                <span>{{ c.queue.waiting }} waiting</span><span>{{ c.queue.active }} active</span>
                <span>{{ c.queue.delayed }} delayed</span><span>{{ c.queue.failed }} failed</span>
                <span>{{ c.deadLetters }} dead letter{{ c.deadLetters === 1 ? '' : 's' }}</span>
              </div>
              <p class="when">Last success: {{ c.lastSuccessAt ? (c.lastSuccessAt | date: 'medium') : 'never' }}</p>
              <p class="when">Last failure: {{ c.lastFailureAt ? (c.lastFailureAt | date: 'medium') : 'never' }}</p>
              <div class="actions">
                @if (canOperate) {
                  @if (c.paused) {
                    <button mat-flat-button (click)="setPaused(c, false)" [disabled]="busy()" [attr.data-testid]="'resume-' + c.id">Resume</button>
                  } @else {
                    <button mat-stroked-button (click)="setPaused(c, true)" [disabled]="busy()" [attr.data-testid]="'pause-' + c.id">Pause</button>
                  }
                }
                @if (canPing) {
                  <button mat-stroked-button (click)="ping(c)" [disabled]="busy()" [attr.data-testid]="'ping-' + c.id">Send test event</button>
                }
              </div>
            } @else {
              <p class="muted">Disabled. {{ c.reason }}</p>
            }
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
})
export class ConnectorCards {
  private readonly api = inject(Api);
  private readonly auth = inject(AuthStore);
  readonly connectors = input.required<ConnectorDto[]>();
  /** Emitted after an action so the page reloads the cards. */
  readonly changed = output<void>();
  protected readonly canPing = this.auth.hasRole('admin');
  protected readonly canOperate = this.auth.hasRole('admin', 'integration');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected setPaused(connector: ConnectorDto, paused: boolean): Promise<void> {
    return this.act(() => this.api.invoke(paused ? syncPause : syncResume, { connector: connector.id, body: {} }));
  }

  protected ping(connector: ConnectorDto): Promise<void> {
    return this.act(() => this.api.invoke(syncPing, { connector: connector.id }));
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
      this.changed.emit();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
