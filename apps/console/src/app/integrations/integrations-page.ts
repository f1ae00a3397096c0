import { ChangeDetectionStrategy, Component, inject, type OnDestroy, type OnInit, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Api, AuthStore, syncConnectors } from '@signet/console-data-access';
import { createLoader } from '../shared/loader';
import { ProblemBanner } from '../shared/problem-banner';
import { ConnectorCards } from './connector-cards';
import { DeadLettersTable } from './dead-letters-table';
import { SyncLedgerTable } from './sync-ledger-table';

const REFRESH_MS = 3_000;

/** ERP sync at a glance: connectors, dead letters to repair, and the ledger of everything sent. */
@Component({
  selector: 'sg-integrations-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, ProblemBanner, ConnectorCards, DeadLettersTable, SyncLedgerTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h3 { font: var(--mat-sys-title-medium); margin: 24px 0 8px; }
  `,
  template: `
    <div class="page">
      <div class="page-header"><h1>Integrations</h1>@if (isAdmin) {<a mat-stroked-button routerLink="/integrations/mail" data-testid="open-mail">Mail</a>}</div>
      <sg-problem-banner [problem]="connectors.problem()" />
      @if (connectors.loading() && !connectors.data()) { <mat-progress-bar mode="indeterminate" /> }
      <sg-connector-cards [connectors]="connectors.data() ?? []" (changed)="connectors.reload()" />
      <h3>Dead letters</h3>
      <sg-dead-letters-table (redriven)="afterRedrive()" />
      <h3>Sync ledger</h3>
      <sg-sync-ledger-table />
    </div>
  `,
})
export class IntegrationsPage implements OnInit, OnDestroy {
  private readonly api = inject(Api);
  protected readonly isAdmin = inject(AuthStore).hasRole('admin');
  protected readonly connectors = createLoader(() => this.api.invoke(syncConnectors));
  private readonly ledger = viewChild(SyncLedgerTable);
  private timer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    void this.connectors.reload();
    this.timer = setInterval(() => void this.connectors.reload(), REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected afterRedrive(): void {
    void this.connectors.reload();
    this.ledger()?.refresh();
  }
}
