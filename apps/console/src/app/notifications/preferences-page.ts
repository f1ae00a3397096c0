import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { Api, fieldErrors, type Problem, preferencesGet, preferencesUpdate, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

const TIME = /^\d{2}:\d{2}$/;

/** A user's own choice: email at once or a digest every N hours, never during quiet hours. */
@Component({
  selector: 'sg-preferences-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatRadioModule, MatSlideToggleModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: flex; flex-direction: column; gap: 12px; max-width: 520px; }
    .row { display: flex; gap: 12px; flex-wrap: wrap; }
    .row mat-form-field { flex: 1; min-width: 140px; }
    .saved { color: #15803d; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Email preferences</h1></div>
      <p><a routerLink="/notifications">← Notifications</a></p>
      @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="preferences-form">
        <mat-slide-toggle formControlName="emailEnabled">Send me approval emails (the in-app feed always works)</mat-slide-toggle>
        <mat-radio-group formControlName="mode" aria-label="Delivery">
          <mat-radio-button value="immediate">Immediately</mat-radio-button>
          <mat-radio-button value="digest">A digest every few hours</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.mode.value === 'digest') {
          <mat-form-field appearance="outline">
            <mat-label>Digest every (hours)</mat-label>
            <input matInput type="number" min="1" max="24" formControlName="digestEveryHours" />
            <mat-hint>Digests go out at midnight and every N hours after, in your time zone.</mat-hint>
            @if (form.controls.digestEveryHours.invalid) { <mat-error>{{ serverError('digestEveryHours') ?? 'A whole number from 1 to 24.' }}</mat-error> }
          </mat-form-field>
        }
        <mat-slide-toggle formControlName="quiet">Quiet hours (mail waits until they end)</mat-slide-toggle>
        @if (form.controls.quiet.value) {
          <div class="row">
            <mat-form-field appearance="outline">
              <mat-label>From</mat-label>
              <input matInput type="time" formControlName="quietStart" />
              @if (form.controls.quietStart.invalid) { <mat-error>{{ serverError('quietStart') ?? 'A time is needed.' }}</mat-error> }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Until</mat-label>
              <input matInput type="time" formControlName="quietEnd" />
              @if (form.controls.quietEnd.invalid) { <mat-error>{{ serverError('quietEnd') ?? 'A time is needed.' }}</mat-error> }
            </mat-form-field>
          </div>
        }
        <mat-form-field appearance="outline">
          <mat-label>Time zone</mat-label>
          <input matInput formControlName="timeZone" list="sg-zones" />
          <datalist id="sg-zones">@for (z of zones; track z) { <option [value]="z"></option> }</datalist>
          @if (form.controls.timeZone.invalid) { <mat-error>{{ serverError('timeZone') ?? 'A time zone is needed, e.g. Europe/Berlin.' }}</mat-error> }
        </mat-form-field>
        <div class="row">
          <button mat-flat-button type="submit" [disabled]="busy() || loading()" data-testid="preferences-save">Save</button>
          @if (saved()) { <span class="saved" role="status">Saved.</span> }
        </div>
      </form>
    </div>
  `,
})
export class PreferencesPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly errors = signal<Record<string, string>>({});
  private version = 0;
  protected readonly form = inject(NonNullableFormBuilder).group({
    emailEnabled: [true],
    mode: ['immediate' as 'immediate' | 'digest'],
    digestEveryHours: [4, [Validators.required, Validators.min(1), Validators.max(24)]],
    quiet: [false],
    quietStart: ['22:00', [Validators.pattern(TIME)]],
    quietEnd: ['07:00', [Validators.pattern(TIME)]],
    timeZone: ['UTC', [Validators.required]],
  });

  async ngOnInit(): Promise<void> {
    try {
      const p = await this.api.invoke(preferencesGet);
      this.version = p.version;
      this.form.setValue({
        emailEnabled: p.emailEnabled,
        mode: p.mode,
        digestEveryHours: p.digestEveryHours,
        quiet: p.quietStart !== null,
        quietStart: p.quietStart ?? '22:00',
        quietEnd: p.quietEnd ?? '07:00',
        timeZone: p.timeZone,
      });
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected serverError(field: string): string | undefined {
    return this.errors()[field];
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = await this.api.invoke(preferencesUpdate, {
        body: {
          emailEnabled: v.emailEnabled,
          mode: v.mode,
          digestEveryHours: Number(v.digestEveryHours),
          quietStart: v.quiet ? v.quietStart : null,
          quietEnd: v.quiet ? v.quietEnd : null,
          timeZone: v.timeZone.trim(),
          version: this.version,
        },
      });
      this.version = saved.version;
      this.saved.set(true);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      this.errors.set(fieldErrors(problem));
      for (const field of Object.keys(this.errors())) this.form.get(field)?.setErrors({ server: true });
    } finally {
      this.busy.set(false);
    }
  }
}
