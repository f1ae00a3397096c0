import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { type ApiKeyDto, apiKeysCreate, apiKeysList, apiKeysRevoke, Api, type Problem, type Role, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { ROLE_OPTIONS } from './roles';

@Component({
  selector: 'sg-api-keys-page',
  imports: [DatePipe, ReactiveFormsModule, MatTableModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: flex; gap: 12px; flex-wrap: wrap; align-items: baseline; }
    .secret { font-family: monospace; word-break: break-all; padding: 12px; background: var(--mat-sys-tertiary-container); border-radius: 8px; margin: 12px 0; }
    .revoked { opacity: 0.5; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>API keys</h1></div>
      <p class="muted">Machine clients (ERPs, CRMs, scripts) authenticate with an <code>X-API-Key</code> header. Only a hash is stored.</p>
      <mat-card appearance="outlined"><mat-card-content>
        <form [formGroup]="form" (ngSubmit)="create()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" />
            @if (form.controls.name.hasError('required')) { <mat-error>Name the key after its client.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Roles</mat-label>
            <mat-select formControlName="roles" multiple>
              @for (r of roles; track r.value) { <mat-option [value]="r.value">{{ r.label }}</mat-option> }
            </mat-select>
            @if (form.controls.roles.hasError('required')) { <mat-error>Pick at least one role.</mat-error> }
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()">Create key</button>
        </form>
        <sg-problem-banner [problem]="problem()" />
        @if (created(); as key) {
          <div>Copy this key now — it is not shown again:</div>
          <div class="secret" data-testid="new-key">{{ key }}</div>
        }
      </mat-card-content></mat-card>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No API keys yet.</div>
        } @else {
          <table mat-table [dataSource]="page.items">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let k">{{ k.name }}</td></ng-container>
            <ng-container matColumnDef="prefix"><th mat-header-cell *matHeaderCellDef>Key</th><td mat-cell *matCellDef="let k"><code>{{ k.prefix }}…</code></td></ng-container>
            <ng-container matColumnDef="roles"><th mat-header-cell *matHeaderCellDef>Roles</th><td mat-cell *matCellDef="let k">{{ k.roles.join(', ') }}</td></ng-container>
            <ng-container matColumnDef="lastUsed"><th mat-header-cell *matHeaderCellDef>Last used</th><td mat-cell *matCellDef="let k">{{ k.lastUsedAt ? (k.lastUsedAt | date: 'medium') : 'never' }}</td></ng-container>
            <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let k">
                @if (k.revokedAt) { <span class="muted">revoked {{ k.revokedAt | date: 'mediumDate' }}</span> }
                @else { <button mat-button (click)="revoke(k)">Revoke</button> }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let k; columns: columns" [class.revoked]="!!k.revokedAt"></tr>
          </table>
        }
      }
    </div>
  `,
})
export class ApiKeysPage implements OnInit {
  private readonly api = inject(Api);
  protected readonly roles = ROLE_OPTIONS;
  protected readonly columns = ['name', 'prefix', 'roles', 'lastUsed', 'actions'];
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly created = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    roles: [['integration'] as Role[], [Validators.required]],
  });
  protected readonly state = createLoader(() => this.api.invoke(apiKeysList, { page: 1, pageSize: 200 }));

  ngOnInit(): void {
    void this.state.reload();
  }

  async create(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const key = await this.api.invoke(apiKeysCreate, { body: this.form.getRawValue() });
      this.created.set(key.key);
      this.form.reset();
      void this.state.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  async revoke(key: ApiKeyDto): Promise<void> {
    if (!confirm(`Revoke "${key.name}"? Clients using it stop working at once.`)) return;
    try {
      await this.api.invoke(apiKeysRevoke, { id: key.id });
      void this.state.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }
}
