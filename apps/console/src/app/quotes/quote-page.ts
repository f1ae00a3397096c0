import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, type OnInit, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Api, AuthStore, type QuoteDto, type QuoteLineDto, quotesGet, quotesHistory, quotesRemove, toProblem } from '@signet/console-data-access';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm-dialog';
import { createLoader } from '../shared/loader';
import { Loading } from '../shared/loading';
import { ProblemBanner } from '../shared/problem-banner';
import { StatusChip } from '../shared/status-chip';
import { ApprovalsPanel } from './approvals-panel';
import { LineDialog, type LineDialogData } from './line-dialog';
import { LinesEditor } from './lines-editor';
import { QuoteDialog, type QuoteDialogData } from './quote-dialog';

/** One quote: header, totals by group, its lines in an inline-editing grid (paged, so 10,000 lines stay fast) and its history. */
@Component({
  selector: 'sg-quote-page',
  imports: [DatePipe, DecimalPipe, RouterLink, MatCardModule, MatButtonModule, MatTableModule, MatProgressBarModule, Loading, ProblemBanner, StatusChip, ApprovalsPanel, LinesEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './quote-page.scss',
  templateUrl: './quote-page.html',
})
export class QuotePage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly editor = viewChild(LinesEditor);
  protected readonly acting = signal(false);
  protected readonly actionProblem = signal<ReturnType<typeof toProblem> | null>(null);

  protected readonly state = createLoader(() => this.api.invoke(quotesGet, { id: this.id() }));
  protected readonly history = createLoader(() => this.api.invoke(quotesHistory, { id: this.id(), pageSize: 50 }));

  protected readonly editable = computed(() => {
    const quote = this.state.data();
    const me = this.auth.me();
    if (!quote || !me || quote.status === 'pending') return false;
    return this.auth.hasRole('admin') || (this.auth.hasRole('sales') && quote.ownerId === me.id);
  });
  protected readonly customFields = computed(() => Object.entries(this.state.data()?.fields ?? {}));

  ngOnInit(): void {
    void this.state.reload();
    void this.history.reload();
  }

  /** True when the lines grid holds edits not saved yet (the route guard and beforeunload ask). */
  hasUnsavedChanges(): boolean {
    return this.editor()?.dirty() ?? false;
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) event.preventDefault();
  }

  protected editLineById(quote: QuoteDto, id: string): void {
    const line = quote.lines.find((l) => l.id === id);
    if (line) this.editLine(quote, line);
  }

  protected editHeader(quote: QuoteDto): void {
    this.dialog
      .open<QuoteDialog, QuoteDialogData, QuoteDto>(QuoteDialog, { data: { quote } })
      .afterClosed()
      .subscribe((saved) => saved && this.changed('Saved the quote'));
  }

  protected editLine(quote: QuoteDto, line: QuoteLineDto): void {
    this.openLine(quote, line, `Saved line ${line.position + 1}`);
  }

  protected deleteQuote(quote: QuoteDto): void {
    const data: ConfirmData = { title: `Delete ${quote.number}?`, message: 'The quote, its lines and its history are deleted. This cannot be undone.', confirm: 'Delete quote' };
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        void this.act(async () => {
          await this.api.invoke(quotesRemove, { id: quote.id });
          this.snack.open(`Deleted ${quote.number}`, 'OK', { duration: 4000 });
          await this.router.navigate(['/quotes']);
        });
      });
  }

  private openLine(quote: QuoteDto, line: QuoteLineDto | null, message: string): void {
    this.dialog
      .open<LineDialog, LineDialogData, QuoteDto>(LineDialog, { data: { quote, line } })
      .afterClosed()
      .subscribe((saved) => saved && this.changed(message));
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.acting.set(true);
    this.actionProblem.set(null);
    try {
      await action();
    } catch (error) {
      this.actionProblem.set(toProblem(error));
    } finally {
      this.acting.set(false);
    }
  }

  protected changed(message: string): void {
    this.snack.open(message, 'OK', { duration: 4000 });
    void this.state.reload();
    void this.history.reload();
  }
}
