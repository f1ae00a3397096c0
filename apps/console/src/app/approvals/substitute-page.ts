import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Api, approversList, type PersonDto, type Problem, substitutionSubstitute, type SubstitutionResultDto, toProblem, usersList } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** Substitution wizard: pick who leaves and who takes over, see what will change, then apply. */
@Component({
  selector: 'sg-substitute-page',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.row { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; } .row mat-form-field { flex: 1 1 240px; } h3 { font: var(--mat-sys-title-small); margin: 12px 0 4px; }`,
  template: `
    <div class="page">
      <div class="page-header"><h1>Substitute an approver</h1></div>
      <p class="muted">Every rule naming the approver, every group membership and every open request assigned to them moves to the replacement. Approvals already given stay.</p>
      <sg-problem-banner [problem]="problem()" />
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>1. Replace</mat-label>
          <mat-select [(ngModel)]="fromId" (ngModelChange)="preview.set(null)" data-testid="substitute-from">
            @for (p of everyone(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}{{ p.active ? '' : ' (inactive)' }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>2. With</mat-label>
          <mat-select [(ngModel)]="toId" (ngModelChange)="preview.set(null)" data-testid="substitute-to">
            @for (p of approvers(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <button mat-stroked-button (click)="run(true)" [disabled]="!fromId || !toId || busy()" data-testid="substitute-preview">3. Preview changes</button>
      </div>
      @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
      @if (preview(); as p) {
        <mat-card appearance="outlined">
          <mat-card-content data-testid="substitute-result">
            <strong>{{ p.dryRun ? 'Will change' : 'Changed' }}: {{ p.rules.length }} rule(s), {{ p.groups.length }} group(s), {{ p.openRequests.length }} open request(s).</strong>
            <h3>Rules</h3>
            @for (r of p.rules; track r.id) { <div>Step {{ r.step }} · {{ r.name }}</div> } @empty { <div class="muted">None</div> }
            <h3>Groups</h3>
            @for (g of p.groups; track g.id) { <div>{{ g.name }}{{ g.alreadyMember ? ' (already a member: only removed)' : '' }}</div> } @empty { <div class="muted">None</div> }
            <h3>Open requests</h3>
            @for (r of p.openRequests; track r.id) { <div>{{ r.quoteName }} · {{ r.ruleName }} (step {{ r.step }})</div> } @empty { <div class="muted">None</div> }
            @if (p.dryRun) {
              <div style="margin-top: 12px"><button mat-flat-button (click)="run(false)" [disabled]="busy()" data-testid="substitute-apply">4. Apply substitution</button></div>
            } @else if (p.ruleSetVersion) { <p class="muted">Published rule-set version {{ p.ruleSetVersion }}.</p> }
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
})
export class SubstitutePage implements OnInit {
  private readonly api = inject(Api);
  private readonly snack = inject(MatSnackBar);
  protected readonly everyone = signal<{ id: string; displayName: string; active: boolean }[]>([]);
  protected readonly approvers = signal<PersonDto[]>([]);
  protected readonly preview = signal<SubstitutionResultDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected fromId = '';
  protected toId = '';

  async ngOnInit(): Promise<void> {
    try {
      const [users, approvers] = await Promise.all([this.api.invoke(usersList, { pageSize: 200, sort: 'displayName' }), this.api.invoke(approversList, { pageSize: 200 })]);
      this.everyone.set(users.items);
      this.approvers.set(approvers.items);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected async run(dryRun: boolean): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const result = await this.api.invoke(substitutionSubstitute, { dryRun, body: { fromId: this.fromId, toId: this.toId } });
      this.preview.set(result);
      if (!dryRun) this.snack.open(`${result.to.displayName} now replaces ${result.from.displayName}`, 'OK', { duration: 5000 });
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
