import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Api, approversList, AuthStore, type DelegationDto, delegationsCreate, delegationsList, delegationsRemove, type PersonDto, type Problem, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

/** "I'm away from … to …, my delegate is …" — and the delegations from or to me. Admins may set one for anyone. */
@Component({
  selector: 'sg-delegations-page',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.sentence { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font: var(--mat-sys-body-large); } .sentence mat-form-field { width: 190px; }`,
  template: `
    <div class="page">
      <div class="page-header"><h1>Delegations</h1></div>
      <mat-card appearance="outlined">
        <mat-card-content>
          <div class="sentence">
            @if (admin) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Approver</mat-label>
                <mat-select [(ngModel)]="approverId">
                  <mat-option value="">Me</mat-option>
                  @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}</mat-option> }
                </mat-select>
              </mat-form-field>
              <span>is</span>
            } @else { <span>I'm</span> }
            <span>away from</span>
            <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>First day</mat-label><input matInput type="date" [(ngModel)]="startsOn" data-testid="delegation-from" /></mat-form-field>
            <span>to</span>
            <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>Last day</mat-label><input matInput type="date" [(ngModel)]="endsOn" data-testid="delegation-to" /></mat-form-field>
            <span>, my delegate is</span>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Delegate</mat-label>
              <mat-select [(ngModel)]="delegateId" data-testid="delegation-delegate">
                @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <button mat-flat-button (click)="create()" [disabled]="busy() || !delegateId || !startsOn || !endsOn" data-testid="delegation-save">Save</button>
          </div>
          <sg-problem-banner [problem]="problem()" />
        </mat-card-content>
      </mat-card>
      <h2>{{ admin ? 'All delegations' : 'From or to me' }}</h2>
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.data(); as page) {
        @if (page.total === 0) { <div class="empty-state">No delegations.</div> }
        @else {
          <table mat-table [dataSource]="page.items" data-testid="delegations">
            <ng-container matColumnDef="approver"><th mat-header-cell *matHeaderCellDef>Approver</th><td mat-cell *matCellDef="let d">{{ d.approver.displayName }}</td></ng-container>
            <ng-container matColumnDef="delegate"><th mat-header-cell *matHeaderCellDef>Delegate</th><td mat-cell *matCellDef="let d">{{ d.delegate.displayName }}</td></ng-container>
            <ng-container matColumnDef="window"><th mat-header-cell *matHeaderCellDef>Away</th><td mat-cell *matCellDef="let d">{{ d.startsOn }} – {{ d.endsOn }}</td></ng-container>
            <ng-container matColumnDef="state"><th mat-header-cell *matHeaderCellDef>State</th><td mat-cell *matCellDef="let d">{{ d.state }}</td></ng-container>
            <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef></th><td mat-cell *matCellDef="let d"><button mat-button (click)="remove(d)">Remove</button></td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let d; columns: columns"></tr>
          </table>
        }
      }
    </div>
  `,
})
export class DelegationsPage implements OnInit {
  private readonly api = inject(Api);
  private readonly snack = inject(MatSnackBar);
  protected readonly admin = inject(AuthStore).hasRole('admin');
  protected readonly columns = ['approver', 'delegate', 'window', 'state', 'actions'];
  protected readonly people = signal<PersonDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected approverId = '';
  protected delegateId = '';
  protected startsOn = new Date().toISOString().slice(0, 10);
  protected endsOn = '';
  protected readonly state = createLoader(() => this.api.invoke(delegationsList, { scope: this.admin ? 'all' : 'mine', current: true, pageSize: 100 }));

  async ngOnInit(): Promise<void> {
    void this.state.reload();
    try {
      this.people.set((await this.api.invoke(approversList, { pageSize: 200 })).items);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected create(): Promise<void> {
    return this.run(async () => {
      const d = await this.api.invoke(delegationsCreate, { body: { delegateId: this.delegateId, startsOn: this.startsOn, endsOn: this.endsOn, ...(this.approverId ? { approverId: this.approverId } : {}) } });
      this.snack.open(`${d.delegate.displayName} stands in from ${d.startsOn} to ${d.endsOn}`, 'OK', { duration: 4000 });
    });
  }

  protected remove(d: DelegationDto): Promise<void> {
    return this.run(() => this.api.invoke(delegationsRemove, { id: d.id }));
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await action();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
      void this.state.reload();
    }
  }
}
