import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Api, calendarGet, calendarUpdate, fieldErrors, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

const DAYS = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
];

/** The business calendar reminders and escalations count in: working days, hours, holidays, zone. */
@Component({
  selector: 'sg-business-calendar-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: flex; flex-direction: column; gap: 8px; max-width: 560px; }
    .row { display: flex; gap: 12px; flex-wrap: wrap; }
    .row mat-form-field { flex: 1; min-width: 140px; }
    .days { display: flex; gap: 4px; flex-wrap: wrap; margin-bottom: 8px; }
    .saved { color: #15803d; }
    textarea { font-family: ui-monospace, monospace; }
  `,
  template: `
    <div class="page">
      <p>Reminders and escalations count business hours only: the working hours of working days, minus holidays, in this time zone.</p>
      @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="calendar-form">
        <div class="days" role="group" aria-label="Working days">
          @for (d of days; track d.value) {
            <mat-checkbox [checked]="workingDays().includes(d.value)" (change)="toggleDay(d.value, $event.checked)">{{ d.label }}</mat-checkbox>
          }
        </div>
        @if (errors()['workingDays']; as e) { <div class="mat-error">{{ e }}</div> }
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Opens</mat-label>
            <input matInput type="time" formControlName="start" />
            @if (errors()['start']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Closes</mat-label>
            <input matInput type="time" formControlName="end" />
            @if (errors()['end']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>Time zone</mat-label>
          <input matInput formControlName="timeZone" list="sg-cal-zones" />
          <datalist id="sg-cal-zones">@for (z of zones; track z) { <option [value]="z"></option> }</datalist>
          @if (errors()['timeZone']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Holidays (one date YYYY-MM-DD per line)</mat-label>
          <textarea matInput rows="6" formControlName="holidays"></textarea>
          @if (holidayError(); as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
        </mat-form-field>
        <div class="row">
          <button mat-flat-button type="submit" [disabled]="busy() || loading()">Save calendar</button>
          @if (saved()) { <span class="saved" role="status">Saved — pending reminders and escalations were re-timed.</span> }
        </div>
      </form>
    </div>
  `,
})
export class BusinessCalendarPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly days = DAYS;
  protected readonly zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  protected readonly workingDays = signal<number[]>([1, 2, 3, 4, 5]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly holidayError = signal<string | null>(null);
  private version = 1;
  protected readonly form = inject(NonNullableFormBuilder).group({
    start: ['09:00', Validators.required],
    end: ['17:00', Validators.required],
    timeZone: ['UTC', Validators.required],
    holidays: [''],
  });

  async ngOnInit(): Promise<void> {
    try {
      const c = await this.api.invoke(calendarGet);
      this.version = c.version;
      this.workingDays.set(c.workingDays);
      this.form.setValue({ start: c.start, end: c.end, timeZone: c.timeZone, holidays: c.holidays.join('\n') });
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected toggleDay(day: number, on: boolean): void {
    this.workingDays.update((days) => (on ? [...new Set([...days, day])].sort() : days.filter((d) => d !== day)));
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const holidays = v.holidays.split(/[\s,]+/).map((h) => h.trim()).filter(Boolean);
    this.busy.set(true);
    this.problem.set(null);
    this.errors.set({});
    this.holidayError.set(null);
    this.saved.set(false);
    try {
      const saved = await this.api.invoke(calendarUpdate, { body: { timeZone: v.timeZone.trim(), workingDays: this.workingDays(), start: v.start, end: v.end, holidays, version: this.version } });
      this.version = saved.version;
      this.form.controls.holidays.setValue(saved.holidays.join('\n'));
      this.saved.set(true);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      const errors = fieldErrors(problem);
      this.errors.set(errors);
      const holiday = Object.entries(errors).find(([field]) => field.startsWith('holidays'));
      if (holiday) this.holidayError.set(`${holidays[Number(/\[(\d+)\]/.exec(holiday[0])?.[1] ?? 0)] ?? ''}: ${holiday[1]}`);
    } finally {
      this.busy.set(false);
    }
  }
}
