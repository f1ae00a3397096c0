import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AccountDetailDto, accountsUpdate, Api, fieldErrors, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

/** The same rules the API applies (quotes-domain `EXTERNAL_ID_RULES`), so mistakes show before saving. */
const ERP_ID_RULES = {
  sap: /^[A-Za-z0-9]{1,10}$/,
  netsuite: /^[0-9]{1,18}$/,
  webhook: /^\S(.{0,62}\S)?$/,
};

/** Currency, billing address and ERP ids of one account; saves with the account's version. */
@Component({
  selector: 'sg-account-details-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 16px; max-width: 960px; }
    h3 { grid-column: 1 / -1; margin: 8px 0 4px; font-size: 15px; }
    .actions { grid-column: 1 / -1; display: flex; gap: 8px; }
  `,
  template: `
    <sg-problem-banner [problem]="problem()" />
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="account-details-form">
      <h3>Currency</h3>
      <mat-form-field appearance="outline">
        <mat-label>Currency (ISO 4217)</mat-label>
        <input matInput formControlName="currency" maxlength="3" data-testid="account-currency" />
        @if (form.controls.currency.invalid) { <mat-error>{{ form.controls.currency.getError('server') ?? 'Three capital letters, e.g. EUR.' }}</mat-error> }
      </mat-form-field>

      <h3>Billing address</h3>
      <ng-container formGroupName="billing">
        <mat-form-field appearance="outline">
          <mat-label>Addressee</mat-label>
          <input matInput formControlName="name" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Street</mat-label>
          <input matInput formControlName="street" data-testid="billing-street" />
          @if (billing.controls.street.invalid) { <mat-error>{{ billing.controls.street.getError('server') ?? 'Street, city, postal code and country go together.' }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Postal code</mat-label>
          <input matInput formControlName="postalCode" data-testid="billing-postal-code" />
          @if (billing.controls.postalCode.invalid) { <mat-error>{{ billing.controls.postalCode.getError('server') ?? 'Required for an address.' }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>City</mat-label>
          <input matInput formControlName="city" data-testid="billing-city" />
          @if (billing.controls.city.invalid) { <mat-error>{{ billing.controls.city.getError('server') ?? 'Required for an address.' }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Region</mat-label>
          <input matInput formControlName="region" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Country (e.g. DE)</mat-label>
          <input matInput formControlName="country" maxlength="2" data-testid="billing-country" />
          @if (billing.controls.country.invalid) { <mat-error>{{ billing.controls.country.getError('server') ?? 'Two capital letters (ISO 3166-1).' }}</mat-error> }
        </mat-form-field>
      </ng-container>

      <h3>ERP ids</h3>
      <ng-container formGroupName="erp">
        <mat-form-field appearance="outline">
          <mat-label>SAP customer number</mat-label>
          <input matInput formControlName="sap" data-testid="erp-sap" />
          @if (erp.controls.sap.invalid) { <mat-error>{{ erp.controls.sap.getError('server') ?? 'Up to 10 letters or digits.' }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>NetSuite internal id</mat-label>
          <input matInput formControlName="netsuite" data-testid="erp-netsuite" />
          @if (erp.controls.netsuite.invalid) { <mat-error>{{ erp.controls.netsuite.getError('server') ?? 'Digits only.' }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Webhook key</mat-label>
          <input matInput formControlName="webhook" data-testid="erp-webhook" />
          @if (erp.controls.webhook.invalid) { <mat-error>{{ erp.controls.webhook.getError('server') ?? 'Up to 64 characters, no surrounding spaces.' }}</mat-error> }
        </mat-form-field>
      </ng-container>

      @if (canWrite()) {
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy() || form.pristine" data-testid="account-details-save">Save details</button>
          <button mat-button type="button" [disabled]="busy() || form.pristine" (click)="reset()">Discard changes</button>
        </div>
      }
    </form>
  `,
})
export class AccountDetailsForm {
  readonly account = input.required<AccountDetailDto>();
  readonly canWrite = input(false);
  readonly saved = output<AccountDetailDto>();
  private readonly api = inject(Api);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    currency: ['USD', [Validators.required, Validators.pattern(/^[A-Z]{3}$/)]],
    billing: this.fb.group({
      name: ['', [Validators.maxLength(200)]],
      street: ['', [Validators.maxLength(200)]],
      postalCode: ['', [Validators.maxLength(20)]],
      city: ['', [Validators.maxLength(100)]],
      region: ['', [Validators.maxLength(100)]],
      country: ['', [Validators.pattern(/^[A-Z]{2}$/)]],
    }),
    erp: this.fb.group({
      sap: ['', [Validators.pattern(ERP_ID_RULES.sap)]],
      netsuite: ['', [Validators.pattern(ERP_ID_RULES.netsuite)]],
      webhook: ['', [Validators.pattern(ERP_ID_RULES.webhook)]],
    }),
  });
  protected readonly billing = this.form.controls.billing;
  protected readonly erp = this.form.controls.erp;

  constructor() {
    effect(() => {
      this.account();
      this.reset();
    });
    effect(() => (this.canWrite() ? this.form.enable() : this.form.disable()));
  }

  protected reset(): void {
    const a = this.account();
    const b = a.billingAddress;
    this.form.reset({
      currency: a.currency,
      billing: { name: b?.name ?? '', street: b?.street ?? '', postalCode: b?.postalCode ?? '', city: b?.city ?? '', region: b?.region ?? '', country: b?.country ?? '' },
      erp: { sap: a.externalIds.sap ?? '', netsuite: a.externalIds.netsuite ?? '', webhook: a.externalIds.webhook ?? '' },
    });
    this.problem.set(null);
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    const b = v.billing;
    const anyAddress = Object.values(b).some((part) => part.trim() !== '');
    // An address is all or nothing: the API needs street, city, postal code and country together.
    for (const key of ['street', 'city', 'postalCode', 'country'] as const) {
      const control = this.billing.controls[key];
      if (anyAddress && !b[key].trim()) control.setErrors({ required: true });
    }
    if (this.form.invalid) return;
    const externalIds = Object.fromEntries((['sap', 'netsuite', 'webhook'] as const).map((k) => [k, v.erp[k].trim() || null]));
    const billingAddress = anyAddress
      ? { name: b.name.trim() || null, street: b.street.trim(), city: b.city.trim(), postalCode: b.postalCode.trim(), region: b.region.trim() || null, country: b.country }
      : null;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = await this.api.invoke(accountsUpdate, { id: this.account().id, body: { currency: v.currency, billingAddress, externalIds, version: this.account().version } });
      this.saved.emit(saved);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      for (const [field, message] of Object.entries(fieldErrors(problem))) {
        const path = field.replace(/^billingAddress\./, 'billing.').replace(/^externalIds\./, 'erp.');
        this.form.get(path)?.setErrors({ server: message });
      }
    } finally {
      this.busy.set(false);
    }
  }
}
