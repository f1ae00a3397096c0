import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  Api,
  approvalImpactRun,
  approvalRulesCreate,
  approvalRulesGet,
  approvalRulesRemove,
  approvalRulesUpdate,
  approvalRulesValidate,
  approvalVariablesList,
  approversList,
  fieldsList,
  groupsList,
  type ImpactDto,
  type PersonDto,
  type GroupDto,
  type Problem,
  type RuleIssueDto,
  toProblem,
} from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';
import { type ConditionRow, emptyForm, formOf, groupIssues, OPERATORS, type RuleForm, STANDARD_QUOTE_FIELDS, toInput } from './rule-form';

/**
 * The rule editor: conditions table, logic expression validated as you type (by the same parser
 * the engine uses, through the API), variables, approver picker, effective dates, smart flags,
 * and the impact of the change on recent quotes before saving.
 */
@Component({
  selector: 'sg-rule-editor-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .page { max-width: 1100px; }
    section { margin: 16px 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-start; }
    .row mat-form-field { flex: 1 1 180px; }
    .narrow { flex: 0 0 110px !important; }
    .cond { display: grid; grid-template-columns: 60px 2fr 1.2fr 1fr 2fr auto auto; gap: 8px; align-items: center; padding: 4px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .cond.header { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .cond input, .cond select { font: inherit; padding: 6px; border: 1px solid var(--mat-sys-outline); border-radius: 4px; background: transparent; color: inherit; min-width: 0; }
    .row-errors { grid-column: 1 / -1; color: var(--mat-sys-error); font-size: 12px; }
    .logic-ok { color: var(--mat-sys-primary); font-size: 13px; }
    .logic-error { color: var(--mat-sys-error); font-size: 13px; font-family: ui-monospace, monospace; white-space: pre; }
    .error { color: var(--mat-sys-error); font-size: 13px; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 16px 0; }
    .impact li { margin: 4px 0; }
  `,
  template: `
    <div class="page">
      <a routerLink="/approvals/rules">← Rules</a>
      <div class="page-header"><h1>{{ id() ? 'Edit rule' : 'New rule' }}</h1></div>
      <sg-problem-banner [problem]="problem()" />
      @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
      <section>
        <div class="row">
          <mat-form-field appearance="outline"><mat-label>Name</mat-label><input matInput [(ngModel)]="form.name" (ngModelChange)="touch()" data-testid="rule-name" required /></mat-form-field>
          <mat-form-field appearance="outline"><mat-label>Chain (optional)</mat-label><input matInput [(ngModel)]="form.chain" (ngModelChange)="touch()" data-testid="rule-chain" /></mat-form-field>
          <mat-form-field appearance="outline" class="narrow"><mat-label>Step</mat-label><input matInput type="number" min="1" [(ngModel)]="form.step" (ngModelChange)="touch()" data-testid="rule-step" /></mat-form-field>
        </div>
        <mat-form-field appearance="outline" class="full-width"><mat-label>Description</mat-label><input matInput [(ngModel)]="form.description" /></mat-form-field>
      </section>

      <section>
        <h2>Approver</h2>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Who approves</mat-label>
            <mat-select [(ngModel)]="form.approverType" (ngModelChange)="touch()" data-testid="approver-type">
              <mat-option value="user">A user</mat-option>
              <mat-option value="group">A group</mat-option>
              <mat-option value="field">The user named in a quote field</mat-option>
              <mat-option value="managerOf">The manager of the user in a quote field</mat-option>
            </mat-select>
          </mat-form-field>
          @switch (form.approverType) {
            @case ('user') {
              <mat-form-field appearance="outline">
                <mat-label>User</mat-label>
                <mat-select [(ngModel)]="form.userId" (ngModelChange)="touch()" data-testid="approver-user">
                  @for (p of approvers(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }} · {{ p.email }}</mat-option> }
                </mat-select>
              </mat-form-field>
            }
            @case ('group') {
              <mat-form-field appearance="outline">
                <mat-label>Group</mat-label>
                <mat-select [(ngModel)]="form.groupId" (ngModelChange)="touch()" data-testid="approver-group">
                  @for (g of groups(); track g.id) { <mat-option [value]="g.id">{{ g.name }} ({{ g.members.length }})</mat-option> }
                </mat-select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>Mode</mat-label>
                <mat-select [(ngModel)]="form.mode" (ngModelChange)="touch()" data-testid="approver-mode">
                  <mat-option value="any">Any member</mat-option>
                  <mat-option value="all">All members</mat-option>
                  <mat-option value="quorum">A quorum</mat-option>
                </mat-select>
              </mat-form-field>
              @if (form.mode === 'quorum') {
                <mat-form-field appearance="outline" class="narrow"><mat-label>Quorum</mat-label><input matInput type="number" min="1" [(ngModel)]="form.quorum" (ngModelChange)="touch()" /></mat-form-field>
              }
            }
            @default {
              <mat-form-field appearance="outline">
                <mat-label>Quote field holding a user id</mat-label>
                <mat-select [(ngModel)]="form.approverField" (ngModelChange)="touch()">
                  @for (f of quoteFields(); track f) { <mat-option [value]="f">{{ f }}</mat-option> }
                </mat-select>
              </mat-form-field>
            }
          }
        </div>
        @for (e of issues().approver; track e) { <div class="error">{{ e }}</div> }
      </section>

      <section>
        <h2>Conditions</h2>
        <div class="cond header"><span>#</span><span>Tested</span><span>Operator</span><span>Compare with</span><span>Value / field / variable</span><span>Smart</span><span></span></div>
        @for (c of form.conditions; track $index; let i = $index) {
          <div class="cond" [attr.data-condition]="c.index">
            <input type="number" min="1" [(ngModel)]="c.index" (ngModelChange)="touch()" [attr.aria-label]="'Number of condition ' + (i + 1)" />
            <select [(ngModel)]="c.tested" (ngModelChange)="touch()" [attr.aria-label]="'Tested value of condition ' + c.index" data-testid="cond-tested">
              @for (f of testable(); track f) { <option [value]="f">{{ f }}</option> }
            </select>
            <select [(ngModel)]="c.op" (ngModelChange)="touch()" [attr.aria-label]="'Operator of condition ' + c.index" data-testid="cond-op">
              @for (o of operators; track o.value) { <option [value]="o.value">{{ o.label }}</option> }
            </select>
            <select [(ngModel)]="c.kind" (ngModelChange)="touch()" [attr.aria-label]="'Comparand kind of condition ' + c.index">
              <option value="value">a value</option>
              <option value="field">a quote field</option>
              <option value="variable">a variable</option>
            </select>
            <input [(ngModel)]="c.text" (ngModelChange)="touch()" [placeholder]="placeholder(c)" [attr.aria-label]="'Value of condition ' + c.index" data-testid="cond-value" [disabled]="c.op === 'isNull' || c.op === 'notNull'" />
            <input type="checkbox" [(ngModel)]="c.smart" (ngModelChange)="touch()" [attr.aria-label]="'Smart condition ' + c.index" />
            <button mat-button (click)="removeCondition(i)" [attr.aria-label]="'Remove condition ' + c.index">Remove</button>
            @if (issues().rows.get(i); as errors) { <div class="row-errors" data-testid="condition-error">{{ errors.join('; ') }}</div> }
          </div>
        }
        <button mat-button (click)="addCondition()" data-testid="add-condition">Add condition</button>
        <div class="row" style="margin-top: 12px">
          <mat-form-field appearance="outline">
            <mat-label>Conditions met</mat-label>
            <mat-select [(ngModel)]="form.conditionsMet" (ngModelChange)="touch()" data-testid="conditions-met">
              <mat-option value="all">All</mat-option>
              <mat-option value="any">Any</mat-option>
              <mat-option value="custom">Custom logic</mat-option>
            </mat-select>
          </mat-form-field>
          @if (form.conditionsMet === 'custom') {
            <mat-form-field appearance="outline" style="flex: 3 1 320px">
              <mat-label>Logic, e.g. 1 AND (2 OR NOT 3)</mat-label>
              <input matInput [(ngModel)]="form.logic" (ngModelChange)="touch()" data-testid="rule-logic" spellcheck="false" />
            </mat-form-field>
          }
        </div>
        @if (form.conditionsMet === 'custom') {
          @for (e of issues().logic; track e.message) {
            <div class="logic-error" data-testid="logic-error">{{ form.logic }}
{{ caret(e) }} {{ e.message }}</div>
          }
          @if (validated() && issues().logic.length === 0) { <div class="logic-ok" data-testid="logic-ok">Logic is valid.</div> }
        }
      </section>

      <section>
        <h2>When and how</h2>
        <div class="row">
          <mat-form-field appearance="outline"><mat-label>Effective from</mat-label><input matInput type="date" [(ngModel)]="form.effectiveFrom" (ngModelChange)="touch()" /></mat-form-field>
          <mat-form-field appearance="outline"><mat-label>Effective to</mat-label><input matInput type="date" [(ngModel)]="form.effectiveTo" (ngModelChange)="touch()" /></mat-form-field>
        </div>
        <mat-checkbox [(ngModel)]="form.reevaluateSmartIndividually" (ngModelChange)="touch()">Re-request when any smart value changes (re-evaluate smart conditions individually)</mat-checkbox><br />
        <mat-checkbox [(ngModel)]="form.active" (ngModelChange)="touch()">Active</mat-checkbox>
        @for (e of issues().general; track e) { <div class="error">{{ e }}</div> }
      </section>

      <div class="actions">
        <button mat-flat-button (click)="save()" [disabled]="busy() || !form.name.trim()" data-testid="save-rule">Save rule</button>
        <button mat-stroked-button (click)="checkImpact()" [disabled]="busy()" data-testid="check-impact">Check impact on recent quotes</button>
        @if (id()) { <button mat-button (click)="remove()" [disabled]="busy()">Delete rule</button> }
      </div>
      @if (impact(); as i) {
        <mat-card appearance="outlined">
          <mat-card-content data-testid="impact">
            <strong>{{ i.affected }} of {{ i.compared }} recent quotes would need approvals differently.</strong>
            <ul class="impact">
              @for (q of i.quotes; track q.quoteId) {
                <li>{{ q.number }} · {{ q.name }}: @for (d of q.differences; track d.ruleId) { <span>{{ d.text }}. </span> }</li>
              }
            </ul>
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
})
export class RuleEditorPage implements OnInit {
  readonly id = input<string>();
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  protected readonly operators = OPERATORS;
  protected form: RuleForm = emptyForm();
  private version = 0;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly issueList = signal<RuleIssueDto[]>([]);
  protected readonly validated = signal(false);
  protected readonly issues = computed(() => groupIssues(this.issueList()));
  protected readonly approvers = signal<PersonDto[]>([]);
  protected readonly groups = signal<GroupDto[]>([]);
  protected readonly quoteFields = signal<string[]>(STANDARD_QUOTE_FIELDS.map((f) => `quote.${f}`));
  protected readonly variables = signal<string[]>([]);
  protected readonly testable = computed(() => [...this.quoteFields(), ...this.variables().map((v) => `var.${v}`)]);
  protected readonly impact = signal<ImpactDto | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  async ngOnInit(): Promise<void> {
    this.busy.set(true);
    try {
      const [approvers, groups, fields, variables] = await Promise.all([
        this.api.invoke(approversList, { pageSize: 200 }),
        this.api.invoke(groupsList, { pageSize: 200 }),
        this.api.invoke(fieldsList, { object: 'quote', pageSize: 200 }),
        this.api.invoke(approvalVariablesList, { pageSize: 200 }),
      ]);
      this.approvers.set(approvers.items);
      this.groups.set(groups.items);
      this.quoteFields.set([...STANDARD_QUOTE_FIELDS, ...fields.items.map((f) => f.name)].map((f) => `quote.${f}`));
      this.variables.set(variables.items.map((v) => v.name));
      const id = this.id();
      if (id) {
        const rule = await this.api.invoke(approvalRulesGet, { id });
        this.form = formOf(rule);
        this.version = rule.version;
        this.touch();
      }
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected placeholder(c: ConditionRow): string {
    if (c.kind === 'field') return 'quote.threshold';
    if (c.kind === 'variable') return 'licenseNet';
    return c.op === 'in' || c.op === 'notIn' ? 'a, b, c' : 'e.g. 20';
  }

  protected caret(issue: RuleIssueDto): string {
    return `${' '.repeat(Math.max(0, issue.position ?? 0))}^`;
  }

  protected addCondition(): void {
    const next = Math.max(0, ...this.form.conditions.map((c) => Number(c.index))) + 1;
    this.form.conditions = [...this.form.conditions, { index: next, tested: 'quote.netTotal', op: 'gt', kind: 'value', text: '', smart: false }];
    this.touch();
  }

  protected removeCondition(i: number): void {
    this.form.conditions = this.form.conditions.filter((_, n) => n !== i);
    this.touch();
  }

  /** Live validation, debounced: the same checks a save runs, without saving. */
  protected touch(): void {
    this.impact.set(null);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.validate(), 300);
  }

  private async validate(): Promise<void> {
    try {
      const result = await this.api.invoke(approvalRulesValidate, { body: toInput({ ...this.form, name: this.form.name || 'draft' }) });
      this.issueList.set(result.errors);
      this.validated.set(true);
    } catch (error) {
      const problem = toProblem(error);
      this.issueList.set(problem.errors.map((e) => ({ field: e.field, message: e.message })));
      this.validated.set(true);
    }
  }

  protected async save(): Promise<void> {
    await this.run(async () => {
      const id = this.id();
      const body = toInput(this.form);
      const saved = id ? await this.api.invoke(approvalRulesUpdate, { id, body: { ...body, version: this.version } }) : await this.api.invoke(approvalRulesCreate, { body });
      this.snack.open(`Saved ${saved.name}`, 'OK', { duration: 3000 });
      await this.router.navigate(['/approvals/rules']);
    });
  }

  protected async checkImpact(): Promise<void> {
    await this.run(async () => {
      this.impact.set(await this.api.invoke(approvalImpactRun, { body: { upsert: [{ ...toInput(this.form), ...(this.id() ? { id: this.id() } : {}) }], limit: 100 } }));
    });
  }

  protected async remove(): Promise<void> {
    const id = this.id();
    if (!id) return;
    await this.run(async () => {
      await this.api.invoke(approvalRulesRemove, { id });
      this.snack.open('Rule deleted', 'OK', { duration: 3000 });
      await this.router.navigate(['/approvals/rules']);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      if (problem.errors.length) this.issueList.set(problem.errors.map((e) => ({ field: e.field.replace(/^upsert\.0\./, ''), message: e.message })));
    } finally {
      this.busy.set(false);
    }
  }
}
