import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Api, AuthStore, type FieldDto, fieldsList } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { FieldDialog } from './field-dialog';

@Component({
  selector: 'sg-fields-page',
  imports: [MatTableModule, MatButtonModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Custom fields</h1>
        @if (isAdmin) { <button mat-flat-button (click)="create()" data-testid="new-field">New field</button> }
      </div>
      <p class="muted">Fields on quotes and lines. Approval rules test them as <code>quote.&lt;name&gt;</code>; orders split by <code>fields.&lt;name&gt;</code>.</p>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No custom fields yet.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="fields-table">
            <ng-container matColumnDef="object"><th mat-header-cell *matHeaderCellDef>On</th><td mat-cell *matCellDef="let f">{{ f.object === 'quote' ? 'Quote' : 'Line' }}</td></ng-container>
            <ng-container matColumnDef="label"><th mat-header-cell *matHeaderCellDef>Label</th><td mat-cell *matCellDef="let f">{{ f.label }}</td></ng-container>
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>API name</th><td mat-cell *matCellDef="let f"><code>{{ f.name }}</code></td></ng-container>
            <ng-container matColumnDef="type">
              <th mat-header-cell *matHeaderCellDef>Type</th>
              <td mat-cell *matCellDef="let f">{{ f.type }}{{ f.multiple ? ' (several)' : '' }}{{ f.options ? ': ' + f.options.join(', ') : '' }}{{ f.scale !== null && f.scale !== undefined ? ' (' + f.scale + ' decimals)' : '' }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let f; columns: columns"></tr>
          </table>
        }
      }
    </div>
  `,
})
export class FieldsPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly isAdmin = inject(AuthStore).hasRole('admin');
  protected readonly columns = ['object', 'label', 'name', 'type'];
  protected readonly state = createLoader(() => this.api.invoke(fieldsList, { pageSize: 200 }));

  ngOnInit(): void {
    void this.state.reload();
  }

  protected create(): void {
    this.dialog
      .open<FieldDialog, null, FieldDto>(FieldDialog)
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open(`Created field ${saved.name}`, 'OK', { duration: 4000 });
        void this.state.reload();
      });
  }
}
