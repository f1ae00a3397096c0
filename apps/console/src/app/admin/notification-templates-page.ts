import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  Api,
  type ApprovalRuleDto,
  approvalRulesList,
  type Problem,
  type TemplateDto,
  type TemplatePreviewDto,
  templatesList,
  templatesPreview,
  templatesReset,
  templatesSave,
  templatesVariables,
  toProblem,
} from '@signet/console-data-access';
import { debounceTime } from 'rxjs';
import { EmailFrame } from '../shared/email-frame';
import { ProblemBanner } from '../shared/problem-banner';
import { RuleNotificationSettingsForm } from './rule-notification-settings-form';

type TemplateEvent = TemplateDto['event'];
const EVENTS: { value: TemplateEvent; label: string }[] = [
  { value: 'request', label: 'Request (also reminders, escalations)' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'recalled', label: 'Recalled' },
];
const SOURCE_TEXT: Record<TemplateDto['source'], string> = {
  rule: 'This rule’s own template.',
  house: 'The house default (applies to rules without their own).',
  'built-in': 'Signet’s built-in default.',
};

/** Email templates per event, for all rules or one rule, with a live preview on sample data. */
@Component({
  selector: 'sg-notification-templates-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, EmailFrame, ProblemBanner, RuleNotificationSettingsForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    .controls mat-form-field { min-width: 280px; }
    .layout { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
    .editor mat-form-field { width: 100%; }
    textarea { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
    .source { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .vars { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .vars code { background: var(--mat-sys-surface-container); padding: 1px 4px; border-radius: 4px; margin-right: 4px; display: inline-block; margin-bottom: 3px; }
    .preview sg-email-frame { --sg-email-height: 560px; }
    .preview pre { white-space: pre-wrap; background: var(--mat-sys-surface-container); padding: 10px; border-radius: 8px; font-size: 13px; }
    .problems { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); border-radius: 8px; padding: 10px 14px; }
    .actions { display: flex; gap: 12px; align-items: center; }
    .saved { color: #15803d; }
    h2 { font: var(--mat-sys-title-medium); }
  `,
  template: `
    <div class="page">
      <div class="controls">
        <mat-form-field appearance="outline">
          <mat-label>Applies to</mat-label>
          <mat-select [value]="ruleId()" (selectionChange)="setScope($event.value)" data-testid="template-scope">
            <mat-option [value]="null">All rules (house default)</mat-option>
            @for (r of rules(); track r.id) { <mat-option [value]="r.id">Rule: {{ r.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-button-toggle-group [value]="event()" (change)="setEvent($event.value)" aria-label="Event">
          @for (e of events; track e.value) { <mat-button-toggle [value]="e.value" [attr.data-event]="e.value">{{ e.label }}</mat-button-toggle> }
        </mat-button-toggle-group>
      </div>
      <sg-problem-banner [problem]="problem()" />
      @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (current(); as t) {
        <p class="source" data-testid="template-source">{{ sourceText(t.source) }}{{ t.updatedAt ? ' Saved ' + t.updatedAt.slice(0, 16).replace('T', ' ') + ' UTC.' : '' }}</p>
        <div class="layout">
          <form class="editor" [formGroup]="form" (ngSubmit)="save()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>Subject</mat-label>
              <input matInput formControlName="subject" data-testid="template-subject" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>HTML part</mat-label>
              <textarea matInput rows="16" formControlName="html" spellcheck="false" data-testid="template-html"></textarea>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Plain-text part</mat-label>
              <textarea matInput rows="10" formControlName="text" spellcheck="false" data-testid="template-text"></textarea>
            </mat-form-field>
            <p class="vars">Variables: @for (v of variables(); track v) { <code>{{ '{{' }}{{ v }}{{ '}}' }}</code> } · blocks: <code>#if</code> <code>#unless</code> <code>#each reasons</code></p>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="template-save">Save template</button>
              @if (t.version !== null) { <button mat-button type="button" (click)="reset()" [disabled]="busy()">Reset to {{ ruleId() ? 'house default' : 'built-in' }}</button> }
              @if (saved()) { <span class="saved" role="status">Saved.</span> }
            </div>
          </form>
          <div class="preview" data-testid="template-preview">
            <h2>Preview with sample data</h2>
            @if (preview(); as p) {
              @if (!p.valid) {
                <div class="problems" role="alert" data-testid="template-problems">
                  @for (x of p.problems; track $index) { <div>{{ x.part }}, line {{ x.line }}: {{ x.message }}</div> }
                </div>
              } @else {
                <p><strong>{{ p.subject }}</strong></p>
                <sg-email-frame [html]="p.html ?? ''" label="HTML preview" />
                <pre>{{ p.text }}</pre>
              }
            }
          </div>
        </div>
        @if (ruleId(); as id) {
          <h2>Reminders, escalation and chat for this rule</h2>
          <sg-rule-notification-settings [ruleId]="id" />
        }
      }
    </div>
  `,
})
export class NotificationTemplatesPage implements OnInit {
  private readonly api = inject(Api);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly events = EVENTS;
  protected readonly rules = signal<ApprovalRuleDto[]>([]);
  protected readonly variables = signal<string[]>([]);
  protected readonly ruleId = signal<string | null>(null);
  protected readonly event = signal<TemplateEvent>('request');
  protected readonly templates = signal<TemplateDto[]>([]);
  protected readonly current = computed(() => this.templates().find((t) => t.event === this.event()) ?? null);
  protected readonly preview = signal<TemplatePreviewDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ subject: [''], html: [''], text: [''] });

  async ngOnInit(): Promise<void> {
    this.form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => void this.refreshPreview());
    try {
      const [rules, variables] = await Promise.all([this.api.invoke(approvalRulesList, { pageSize: 200 }), this.api.invoke(templatesVariables)]);
      this.rules.set(rules.items);
      this.variables.set(variables.variables);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
    await this.load();
  }

  protected sourceText(source: TemplateDto['source']): string {
    return SOURCE_TEXT[source];
  }

  protected async setScope(ruleId: string | null): Promise<void> {
    this.ruleId.set(ruleId);
    await this.load();
  }

  protected setEvent(event: TemplateEvent): void {
    this.event.set(event);
    this.fill();
  }

  protected async save(): Promise<void> {
    const t = this.current();
    if (!t) return;
    await this.run(async () => {
      const saved = await this.api.invoke(templatesSave, { event: t.event, ...this.scope(), body: { ...this.form.getRawValue(), ...(t.version !== null ? { version: t.version } : {}) } });
      this.replace(saved);
      this.saved.set(true);
    });
  }

  protected async reset(): Promise<void> {
    const t = this.current();
    if (!t) return;
    await this.run(async () => {
      this.replace(await this.api.invoke(templatesReset, { event: t.event, ...this.scope() }));
      this.fill();
    });
  }

  private scope(): { ruleId?: string } {
    const id = this.ruleId();
    return id ? { ruleId: id } : {};
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      this.templates.set(await this.api.invoke(templatesList, this.scope()));
      this.fill();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  private fill(): void {
    const t = this.current();
    this.saved.set(false);
    if (t) this.form.setValue({ subject: t.subject, html: t.html, text: t.text });
  }

  private replace(saved: TemplateDto): void {
    this.templates.update((list) => list.map((t) => (t.event === saved.event ? saved : t)));
  }

  private async refreshPreview(): Promise<void> {
    try {
      this.preview.set(await this.api.invoke(templatesPreview, { body: { event: this.event(), ...this.form.getRawValue() } }));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.saved.set(false);
    try {
      await action();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
