import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Api, approvalRulesList, approvalVariablesList, approvalVariablesRemove, type ApprovalVariableDto, AuthStore, toProblem } from '@signet/console-data-access';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm-dialog';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { LevelsDiagram } from './levels-diagram';
import { VariableDialog } from './variable-dialog';

/** The rule set: the levels diagram, every rule, and the approval variables conditions can test. */
@Component({
  selector: 'sg-rules-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatTableModule, MatProgressBarModule, ProblemBanner, LevelsDiagram],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `h2 { font: var(--mat-sys-title-medium); margin: 24px 0 8px; } .inactive { opacity: 0.55; } code { font-size: 12px; } .actions { text-align: right; white-space: nowrap; }`,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Approval rules</h1>
        @if (admin) { <a mat-flat-button routerLink="/approvals/rules/new" data-testid="new-rule">New rule</a> }
      </div>
      <sg-problem-banner [problem]="rules.problem()" />
      @if (rules.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (rules.data(); as page) {
        <h2>Levels</h2>
        <sg-levels-diagram [rules]="page.items" [linkable]="admin" />
        <h2>Rules ({{ page.total }})</h2>
        @if (page.total === 0) {
          <div class="empty-state">No rules yet.@if (admin) { Create one with <strong>New rule</strong>. }</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="rules-table">
            <ng-container matColumnDef="step"><th mat-header-cell *matHeaderCellDef>Step</th><td mat-cell *matCellDef="let r">{{ r.step }}</td></ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>Rule</th>
              <td mat-cell *matCellDef="let r">@if (admin) { <a [routerLink]="['/approvals/rules', r.id]">{{ r.name }}</a> } @else { {{ r.name }} }</td>
            </ng-container>
            <ng-container matColumnDef="chain"><th mat-header-cell *matHeaderCellDef>Chain</th><td mat-cell *matCellDef="let r">{{ r.chain ?? '' }}</td></ng-container>
            <ng-container matColumnDef="approver"><th mat-header-cell *matHeaderCellDef>Approver</th><td mat-cell *matCellDef="let r">{{ r.approverLabel }}</td></ng-container>
            <ng-container matColumnDef="when">
              <th mat-header-cell *matHeaderCellDef>When</th>
              <td mat-cell *matCellDef="let r"><code>{{ summary(r) }}</code></td>
            </ng-container>
            <ng-container matColumnDef="effective"><th mat-header-cell *matHeaderCellDef>Effective</th><td mat-cell *matCellDef="let r">{{ r.effectiveFrom ?? '…' }} – {{ r.effectiveTo ?? '…' }}</td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let r; columns: columns" [class.inactive]="!r.active"></tr>
          </table>
        }
      }
      <div class="page-header" style="margin-top: 24px">
        <h2 style="flex: 1">Variables</h2>
        @if (admin) { <button mat-stroked-button (click)="newVariable()" data-testid="new-variable">New variable</button> }
      </div>
      <sg-problem-banner [problem]="variables.problem()" />
      @if (variables.data(); as v) {
        @if (v.total === 0) { <div class="empty-state">No variables. A variable aggregates quote lines (sum, avg, min, max, count, discount).</div> }
        @else {
          <table mat-table [dataSource]="v.items" data-testid="variables-table">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let x"><code>var.{{ x.name }}</code></td></ng-container>
            <ng-container matColumnDef="def">
              <th mat-header-cell *matHeaderCellDef>Definition</th>
              <td mat-cell *matCellDef="let x">{{ definition(x) }}</td>
            </ng-container>
            <ng-container matColumnDef="used"><th mat-header-cell *matHeaderCellDef>Used by</th><td mat-cell *matCellDef="let x">{{ x.usedBy }} rule(s)</td></ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let x" class="actions">
                <button mat-button (click)="editVariable(x)" [attr.data-testid]="'edit-variable-' + x.name">Edit</button>
                <button mat-button (click)="deleteVariable(x)" [disabled]="x.usedBy > 0" [attr.title]="x.usedBy > 0 ? 'Rules test this variable: change them first' : null" [attr.data-testid]="'delete-variable-' + x.name">Delete</button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="variableColumns"></tr>
            <tr mat-row *matRowDef="let x; columns: variableColumns"></tr>
          </table>
        }
      }
    </div>
  `,
})
export class RulesPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly admin = inject(AuthStore).hasRole('admin');
  protected readonly columns = ['step', 'name', 'chain', 'approver', 'when', 'effective'];
  protected readonly variableColumns = this.admin ? ['name', 'def', 'used', 'actions'] : ['name', 'def', 'used'];
  protected readonly rules = createLoader(() => this.api.invoke(approvalRulesList, { pageSize: 200 }));
  protected readonly variables = createLoader(() => this.api.invoke(approvalVariablesList, { pageSize: 200 }));

  ngOnInit(): void {
    void this.rules.reload();
    void this.variables.reload();
  }

  protected summary(rule: { conditionsMet: string; logic: string | null; conditions: { index: number; tested: string; op: string; value?: unknown; field?: string; variable?: string }[] }): string {
    const text = rule.conditions.map((c) => `${c.index}: ${c.tested} ${c.op} ${c.field ?? (c.variable ? 'var.' + c.variable : JSON.stringify(c.value ?? ''))}`).join('; ');
    const how = rule.conditionsMet === 'custom' ? rule.logic : rule.conditionsMet === 'all' ? 'all of' : 'any of';
    return `${how} — ${text}`;
  }

  protected definition(v: ApprovalVariableDto): string {
    const where = v.where.length ? ` where ${v.where.map((w) => `${w.field} ${w.op} ${JSON.stringify(w.value ?? '')}`).join(' and ')}` : '';
    return `${v.function}(${v.field ?? (v.function === 'discount' ? 'netTotal / listTotal' : 'lines')})${where}`;
  }

  protected newVariable(): void {
    this.openVariable(null);
  }

  protected editVariable(variable: ApprovalVariableDto): void {
    this.openVariable(variable);
  }

  protected deleteVariable(variable: ApprovalVariableDto): void {
    const data: ConfirmData = { title: `Delete var.${variable.name}?`, message: 'Rules can no longer test it. This cannot be undone.', confirm: 'Delete' };
    this.dialog
      .open(ConfirmDialog, { data })
      .afterClosed()
      .subscribe(async (confirmed) => {
        if (!confirmed) return;
        try {
          await this.api.invoke(approvalVariablesRemove, { id: variable.id });
          this.snack.open(`Variable ${variable.name} deleted`, 'OK', { duration: 3000 });
        } catch (error) {
          this.snack.open(toProblem(error).detail, 'OK', { duration: 6000 });
        }
        void this.variables.reload();
      });
  }

  private openVariable(variable: ApprovalVariableDto | null): void {
    this.dialog
      .open(VariableDialog, { data: variable })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open('Variable saved', 'OK', { duration: 3000 });
        void this.variables.reload();
      });
  }
}
