import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Api, approversList, fieldErrors, type PersonDto, type Problem, ruleSettingsGet, ruleSettingsUpdate, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** One rule's reminder and escalation timing (business hours), escalation approver and chat webhook. */
@Component({
  selector: 'sg-rule-notification-settings',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-start; }
    mat-form-field { min-width: 220px; }
    .wide { flex: 1 1 420px; }
    .saved { color: #15803d; align-self: center; }
  `,
  template: `
    <sg-problem-banner [problem]="problem()" />
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="rule-settings">
      <mat-form-field appearance="outline">
        <mat-label>Remind after (business hours)</mat-label>
        <input matInput type="number" min="0" step="0.5" formControlName="remind" placeholder="off" />
        @if (errors()['remindAfterBusinessHours']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Escalate after (business hours)</mat-label>
        <input matInput type="number" min="0" step="0.5" formControlName="escalate" placeholder="off" />
        @if (errors()['escalateAfterBusinessHours']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Escalate to</mat-label>
        <mat-select formControlName="escalateTo">
          <mat-option [value]="''">No one</mat-option>
          @for (p of approvers(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }} ({{ p.email }})</mat-option> }
        </mat-select>
        @if (errors()['escalateToUserId']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label>Chat incoming-webhook URL (Slack-compatible)</mat-label>
        <input matInput formControlName="chat" placeholder="https://hooks.slack.com/services/…" />
        @if (errors()['chatWebhookUrl']; as e) { <mat-hint class="mat-error">{{ e }}</mat-hint> }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Save rule settings</button>
      @if (saved()) { <span class="saved" role="status">Saved.</span> }
    </form>
  `,
})
export class RuleNotificationSettingsForm {
  private readonly api = inject(Api);
  readonly ruleId = input.required<string>();
  protected readonly approvers = signal<PersonDto[]>([]);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  private version = 0;
  protected readonly form = inject(NonNullableFormBuilder).group({ remind: [''], escalate: [''], escalateTo: [''], chat: [''] });

  constructor() {
    effect(() => void this.load(this.ruleId()));
  }

  private async load(ruleId: string): Promise<void> {
    this.problem.set(null);
    this.errors.set({});
    this.saved.set(false);
    try {
      const [settings, people] = await Promise.all([this.api.invoke(ruleSettingsGet, { id: ruleId }), this.api.invoke(approversList, { pageSize: 200 })]);
      this.approvers.set(people.items);
      this.version = settings.version;
      this.form.setValue({
        remind: settings.remindAfterBusinessHours?.toString() ?? '',
        escalate: settings.escalateAfterBusinessHours?.toString() ?? '',
        escalateTo: settings.escalateToUserId ?? '',
        chat: settings.chatWebhookUrl ?? '',
      });
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const hours = (text: string) => (String(text).trim() === '' ? null : Number(text));
    this.busy.set(true);
    this.problem.set(null);
    this.errors.set({});
    this.saved.set(false);
    try {
      const saved = await this.api.invoke(ruleSettingsUpdate, {
        id: this.ruleId(),
        body: { remindAfterBusinessHours: hours(v.remind), escalateAfterBusinessHours: hours(v.escalate), escalateToUserId: v.escalateTo || null, chatWebhookUrl: v.chat.trim() || null, version: this.version },
      });
      this.version = saved.version;
      this.saved.set(true);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      this.errors.set(fieldErrors(problem));
    } finally {
      this.busy.set(false);
    }
  }
}
