import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Api, type Role, type UserDto, usersList } from '@signet/console-data-access';
import { createPagedList } from '../shared/paged-list';
import { ProblemBanner } from '../shared/problem-banner';
import { ROLE_OPTIONS } from './roles';
import { UserDialog, type UserDialogData } from './user-dialog';

@Component({
  selector: 'sg-users-page',
  imports: [
    DatePipe,
    FormsModule,
    MatTableModule,
    MatPaginatorModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatChipsModule,
    MatProgressBarModule,
    ProblemBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.inactive { opacity: 0.55; } mat-form-field { width: 220px; }`,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Users</h1>
        <button mat-flat-button (click)="create()" data-testid="new-user">New user</button>
      </div>
      <div class="toolbar-row">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search name or email</mat-label>
          <input matInput [ngModel]="state.search()" (ngModelChange)="state.onSearch($event)" data-testid="user-search" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Role</mat-label>
          <mat-select [ngModel]="role()" (ngModelChange)="role.set($event); state.first()">
            <mat-option [value]="null">Any role</mat-option>
            @for (r of roles; track r.value) { <mat-option [value]="r.value">{{ r.label }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [ngModel]="active()" (ngModelChange)="active.set($event); state.first()">
            <mat-option [value]="null">All</mat-option>
            <mat-option [value]="true">Active</mat-option>
            <mat-option [value]="false">Deactivated</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.loading()) { <mat-progress-bar mode="indeterminate" /> }
      @if (state.data(); as page) {
        @if (page.total === 0) {
          <div class="empty-state">No users match these filters.</div>
        } @else {
          <table mat-table [dataSource]="page.items" data-testid="users-table">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>Name</th>
              <td mat-cell *matCellDef="let u">{{ u.displayName }}</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef>Email</th>
              <td mat-cell *matCellDef="let u">{{ u.email }}</td>
            </ng-container>
            <ng-container matColumnDef="roles">
              <th mat-header-cell *matHeaderCellDef>Roles</th>
              <td mat-cell *matCellDef="let u">{{ u.roles.join(', ') }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let u">{{ u.active ? 'Active' : 'Deactivated' }}</td>
            </ng-container>
            <ng-container matColumnDef="lastLogin">
              <th mat-header-cell *matHeaderCellDef>Last sign-in</th>
              <td mat-cell *matCellDef="let u">{{ u.lastLoginAt ? (u.lastLoginAt | date: 'medium') : 'never' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef></th>
              <td mat-cell *matCellDef="let u"><button mat-button (click)="edit(u)" [attr.aria-label]="'Edit ' + u.email">Edit</button></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let u; columns: columns" [class.inactive]="!u.active"></tr>
          </table>
          <mat-paginator [length]="page.total" [pageIndex]="state.pageIndex()" [pageSize]="state.pageSize()" [pageSizeOptions]="[10, 25, 50, 100]" (page)="state.onPage($event)" />
        }
      }
    </div>
  `,
})
export class UsersPage implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly roles = ROLE_OPTIONS;
  protected readonly columns = ['name', 'email', 'roles', 'status', 'lastLogin', 'actions'];
  protected readonly role = signal<Role | null>(null);
  protected readonly active = signal<boolean | null>(null);

  protected readonly state = createPagedList((page) =>
    this.api.invoke(usersList, {
      ...page,
      ...(this.role() ? { role: this.role() as Role } : {}),
      ...(this.active() !== null ? { active: this.active() as boolean } : {}),
    }),
  );

  ngOnInit(): void {
    void this.state.reload();
  }

  protected create(): void {
    this.open({ user: null }, (u) => `Created ${u.email}`);
  }

  protected edit(user: UserDto): void {
    this.open({ user }, (u) => `Saved ${u.email}`);
  }

  private open(data: UserDialogData, message: (u: UserDto) => string): void {
    this.dialog
      .open<UserDialog, UserDialogData, UserDto>(UserDialog, { data })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snack.open(message(saved), 'OK', { duration: 4000 });
        void this.state.reload();
      });
  }
}
