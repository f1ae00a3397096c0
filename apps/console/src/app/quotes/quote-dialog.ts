import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type AccountDto,
  accountsList,
  Api,
  type FieldDto,
  fieldsList,
  type Problem,
  type QuoteDto,
  quotesCreate,
  quotesUpdate,
  toProblem,
} from '@signet/console-data-access';
import { ORDER_BY_PATHS } from '@signet/quotes-domain';
import { CustomFields, customFieldsForm, customFieldValues } from '../shared/custom-fields';
import { ProblemBanner } from '../shared/problem-banner';

export interface QuoteDialogData {
  quote: QuoteDto | null;
}

/** Creates a quote, or edits its header: name, account, currency, dates, term, the orders split (`orderBy`) and custom quote fields. */
@Component({
  selector: 'sg-quote-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, ProblemBanner, CustomFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `form { display: flex; flex-direction: column; min-width: min(460px, 80vw); } .groups { margin: 8px 0 16px; } .hint { opacity: 0.7; font-size: 12px; } .row { display: flex; gap: 12px; } .row > * { flex: 1; }`,
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit ' + data.quote?.number : 'New quote' }}</h2>
    <mat-dialog-content>
      <sg-problem-banner [problem]="problem()" />
      <form [formGroup]="form" id="quote-form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" data-testid="quote-name" />
          @if (form.controls.name.hasError('required')) { <mat-error>Give the quote a name.</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Account</mat-label>
          <mat-select formControlName="accountId" data-testid="quote-account">
            @for (a of accounts(); track a.id) { <mat-option [value]="a.id">{{ a.name }}</mat-option> }
          </mat-select>
          @if (form.controls.accountId.hasError('required')) { <mat-error>Pick the customer's account.</mat-error> }
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Start date</mat-label>
            <input matInput type="date" formControlName="startDate" data-testid="quote-start" />
            @if (form.controls.startDate.hasError('required')) { <mat-error>A start date is required.</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Term (months)</mat-label>
            <input matInput type="number" min="1" max="600" formControlName="termMonths" data-testid="quote-term" />
            @if (form.controls.termMonths.invalid) { <mat-error>1 to 600 months.</mat-error> }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Valid until</mat-label>
            <input matInput type="date" formControlName="validUntil" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Currency</mat-label>
            <input matInput formControlName="currency" placeholder="The account's" maxlength="3" data-testid="quote-currency-input" />
            @if (form.controls.currency.invalid) { <mat-error>Three capital letters (ISO 4217), like EUR.</mat-error> }
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>Split orders by</mat-label>
          <mat-select formControlName="orderBy" multiple data-testid="quote-order-by">
            @for (path of orderByChoices(); track path) { <mat-option [value]="path">{{ path }}</mat-option> }
          </mat-select>
          <mat-hint>The default split when orders are created; none means one order.</mat-hint>
        </mat-form-field>
        <div class="groups" formArrayName="groups">
          <div class="label">Line groups <span class="hint">(a group's start date is the default start of its lines)</span></div>
          @for (g of form.controls.groups.controls; track g; let i = $index) {
            <div class="row" [formGroupName]="i">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Group</mat-label>
                <input matInput formControlName="name" [readonly]="g.controls.existing.value" [attr.data-testid]="'group-name-' + i" />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Starts</mat-label>
                <input matInput type="date" formControlName="startDate" [attr.data-testid]="'group-start-' + i" />
              </mat-form-field>
            </div>
          }
          <button mat-button type="button" (click)="addGroup()" data-testid="add-group">Add group</button>
        </div>
        <sg-custom-fields [definitions]="definitions()" [form]="fields()" />
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button mat-flat-button type="submit" form="quote-form" [disabled]="busy()" data-testid="quote-save">{{ editing ? 'Save' : 'Create quote' }}</button>
    </mat-dialog-actions>
  `,
})
export class QuoteDialog implements OnInit {
  protected readonly data = inject<QuoteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<QuoteDialog, QuoteDto>);
  private readonly api = inject(Api);
  protected readonly editing = this.data.quote !== null;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly accounts = signal<AccountDto[]>([]);
  protected readonly definitions = signal<FieldDto[]>([]);
  protected readonly fields = signal(customFieldsForm([]));
  protected readonly orderByChoices = signal<string[]>([...ORDER_BY_PATHS]);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: [this.data.quote?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    accountId: [this.data.quote?.accountId ?? '', [Validators.required]],
    startDate: [this.data.quote?.startDate ?? '', [Validators.required]],
    termMonths: [this.data.quote?.termMonths ?? (null as number | null), [Validators.min(1), Validators.max(600)]],
    validUntil: [this.data.quote?.validUntil ?? ''],
    currency: [this.data.quote?.currency ?? '', [Validators.pattern(/^[A-Z]{3}$/)]],
    orderBy: [this.data.quote?.orderBy ?? ([] as string[])],
    groups: this.fb.array(
      (this.data.quote?.groups ?? []).flatMap((g) => (g.group === null ? [] : [this.groupForm(g.group, g.startDate ?? '', true)])),
    ),
  });

  private groupForm(name: string, startDate: string, existing: boolean) {
    return this.fb.group({ name: [name, [Validators.required, Validators.maxLength(120)]], startDate: [startDate], existing: [existing] });
  }

  protected addGroup(): void {
    this.form.controls.groups.push(this.groupForm('', '', false));
  }

  async ngOnInit(): Promise<void> {
    try {
      const [accounts, fields, lineFields] = await Promise.all([
        this.api.invoke(accountsList, { active: true, pageSize: 200 }),
        this.api.invoke(fieldsList, { object: 'quote', pageSize: 200 }),
        this.api.invoke(fieldsList, { object: 'line', pageSize: 200 }),
      ]);
      this.orderByChoices.set([...ORDER_BY_PATHS, ...lineFields.items.map((f) => `fields.${f.name}`)]);
      this.accounts.set(accounts.items);
      this.definitions.set(fields.items);
      this.fields.set(customFieldsForm(fields.items, this.data.quote?.fields));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    const v = this.form.getRawValue();
    const body = {
      name: v.name,
      accountId: v.accountId,
      startDate: v.startDate,
      termMonths: v.termMonths === null || String(v.termMonths) === '' ? null : Number(v.termMonths),
      validUntil: v.validUntil || null,
      ...(v.currency ? { currency: v.currency } : {}),
      orderBy: v.orderBy,
      groups: v.groups.filter((g) => g.name.trim()).map((g) => ({ name: g.name.trim(), startDate: g.startDate || null })),
      fields: customFieldValues(this.definitions(), this.fields()),
    };
    try {
      const quote = this.data.quote;
      const saved = quote
        ? await this.api.invoke(quotesUpdate, { id: quote.id, body: { ...body, version: quote.version } })
        : await this.api.invoke(quotesCreate, { body });
      this.ref.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}

