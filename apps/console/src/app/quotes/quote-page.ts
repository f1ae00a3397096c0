import { DatePipe, DecimalPipe, KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Api, AuthStore, type QuoteDto, type QuoteLineDto, quotesGet, quotesHistory, quotesPutLines, quotesRemove, toProblem } from '@signet/console-data-access';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm-dialog';
import { createLoader } from '../shared/loader';
import { Loading } from '../shared/loading';
import { ProblemBanner } from '../shared/problem-banner';
import { StatusChip } from '../shared/status-chip';
import { ApprovalsPanel } from './approvals-panel';
import { LineDialog, type LineDialogData } from './line-dialog';
import { QuoteDialog, type QuoteDialogData } from './quote-dialog';

const LINES_PER_PAGE = 100;

/** One quote: header, totals by group, its lines (paged, so 10,000 lines stay fast) and its history. */
@Component({
  selector: 'sg-quote-page',
  imports: [DatePipe, DecimalPipe, KeyValuePipe, RouterLink, MatCardModule, MatButtonModule, MatTableModule, MatPaginatorModule, MatProgressBarModule, Loading, ProblemBanner, StatusChip, ApprovalsPanel],
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
  protected readonly lineColumns = ['pos', 'product', 'group', 'quantity', 'price', 'discount', 'dates', 'net', 'actions'];
  protected readonly linePage = signal(0);
  protected readonly linesPerPage = LINES_PER_PAGE;
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
  protected readonly visibleLines = computed(() => {
    const lines = this.state.data()?.lines ?? [];
    const start = this.linePage() * LINES_PER_PAGE;
    return lines.slice(start, start + LINES_PER_PAGE);
  });
  protected readonly customFields = computed(() => Object.entries(this.state.data()?.fields ?? {}));

  ngOnInit(): void {
    void this.state.reload();
    void this.history.reload();
  }

  protected onLinePage(event: PageEvent): void {
    this.linePage.set(event.pageIndex);
  }

  protected editHeader(quote: QuoteDto): void {
    this.dialog
      .open<QuoteDialog, QuoteDialogData, QuoteDto>(QuoteDialog, { data: { quote } })
      .afterClosed()
      .subscribe((saved) => saved && this.changed('Saved the quote'));
  }

  protected addLine(quote: QuoteDto): void {
    this.openLine(quote, null, 'Added a line');
  }

  protected editLine(quote: QuoteDto, line: QuoteLineDto): void {
    this.openLine(quote, line, `Saved line ${line.position + 1}`);
  }

  protected async removeLine(quote: QuoteDto, line: QuoteLineDto): Promise<void> {
    await this.act(async () => {
      await this.api.invoke(quotesPutLines, { id: quote.id, body: { version: quote.version, upsert: [], remove: [line.id] } });
      this.changed(`Removed ${line.sku}${quote.lines.some((l) => l.parentId === line.id) ? ' and its bundle' : ''}`);
    });
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

  protected isComponent(line: QuoteLineDto): boolean {
    return line.parentId !== null;
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
