import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Api, approversList, type GroupDto, groupsCreate, groupsList, groupsSetMembers, groupsUpdate, type PersonDto, type Problem, toProblem } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';

/** Approver groups: create one, and change who is in it (rules ask a group for all, any or a quorum). */
@Component({
  selector: 'sg-groups-page',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
    .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .row mat-form-field { flex: 1 1 220px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Approver groups</h1></div>
      <sg-problem-banner [problem]="problem()" />
      <mat-card appearance="outlined" style="margin-bottom: 16px">
        <mat-card-content>
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>New group name</mat-label><input matInput [(ngModel)]="name" data-testid="group-name" /></mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Members</mat-label>
              <mat-select multiple [(ngModel)]="members" data-testid="group-members">
                @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <button mat-flat-button (click)="create()" [disabled]="!name.trim() || busy()" data-testid="create-group">Create group</button>
          </div>
        </mat-card-content>
      </mat-card>
      @if (state.loading() || busy()) { <mat-progress-bar mode="indeterminate" /> }
      <sg-problem-banner [problem]="state.problem()" />
      @if (state.data(); as page) {
        @if (page.total === 0) { <div class="empty-state">No groups yet.</div> }
        <div class="grid" data-testid="groups">
          @for (g of page.items; track g.id) {
            <mat-card appearance="outlined" [attr.data-group]="g.name">
              <mat-card-header>
                <mat-card-title>{{ g.name }}</mat-card-title>
                <mat-card-subtitle>{{ g.members.length }} members · used by {{ g.ruleCount }} rule(s)</mat-card-subtitle>
              </mat-card-header>
              <mat-card-content>
                @if (renaming() === g.id) {
                  <div class="row">
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>Group name</mat-label>
                      <input matInput [(ngModel)]="newName" (keydown.enter)="rename(g)" (keydown.escape)="renaming.set(null)" data-testid="rename-input" />
                    </mat-form-field>
                    <button mat-flat-button (click)="rename(g)" [disabled]="!newName.trim() || busy()" data-testid="rename-save">Save</button>
                    <button mat-button (click)="renaming.set(null)">Cancel</button>
                  </div>
                } @else {
                  <button mat-button (click)="startRename(g)" data-testid="rename-group">Rename</button>
                }
                <mat-form-field appearance="outline" class="full-width" subscriptSizing="dynamic">
                  <mat-label>Members</mat-label>
                  <mat-select multiple [ngModel]="memberIds().get(g.id)" (ngModelChange)="setMembers(g, $event)">
                    @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.displayName }}</mat-option> }
                  </mat-select>
                </mat-form-field>
                @if (g.members.length === 0) { <p class="muted">An empty group cannot approve: submits naming it fail.</p> }
              </mat-card-content>
            </mat-card>
          }
        </div>
      }
    </div>
  `,
})
export class GroupsPage implements OnInit {
  private readonly api = inject(Api);
  private readonly snack = inject(MatSnackBar);
  protected readonly people = signal<PersonDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected name = '';
  protected members: string[] = [];
  /** The group being renamed (one at a time). */
  protected readonly renaming = signal<string | null>(null);
  protected newName = '';
  protected readonly state = createLoader(() => this.api.invoke(groupsList, { pageSize: 200 }));

  async ngOnInit(): Promise<void> {
    void this.state.reload();
    try {
      this.people.set((await this.api.invoke(approversList, { pageSize: 200 })).items);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  /**
   * Member ids per group, one stable array per loaded page: a fresh array on every change
   * detection made the select write its value back endlessly and froze the page.
   */
  protected readonly memberIds = computed(() => new Map((this.state.data()?.items ?? []).map((g) => [g.id, g.members.map((m) => m.id)])));

  protected create(): Promise<void> {
    return this.run(async () => {
      await this.api.invoke(groupsCreate, { body: { name: this.name.trim(), memberIds: this.members } });
      this.snack.open(`Created ${this.name.trim()}`, 'OK', { duration: 3000 });
      this.name = '';
      this.members = [];
    });
  }

  protected startRename(g: GroupDto): void {
    this.newName = g.name;
    this.renaming.set(g.id);
  }

  /** Rules ask the group by id, so a rename changes only what people read. */
  protected rename(g: GroupDto): Promise<void> {
    const name = this.newName.trim();
    if (!name || name === g.name) {
      this.renaming.set(null);
      return Promise.resolve();
    }
    return this.run(async () => {
      await this.api.invoke(groupsUpdate, { id: g.id, body: { name, version: g.version } });
      this.renaming.set(null);
      this.snack.open(`Renamed to ${name}`, 'OK', { duration: 3000 });
    });
  }

  protected setMembers(g: GroupDto, memberIds: string[]): Promise<void> {
    return this.run(async () => {
      await this.api.invoke(groupsSetMembers, { id: g.id, body: { memberIds, version: g.version } });
      this.snack.open(`Saved ${g.name}`, 'OK', { duration: 2000 });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
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
