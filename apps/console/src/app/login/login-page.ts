import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AuthStore, type Problem, toProblem } from '@signet/console-data-access';
import { ProblemBanner } from '../shared/problem-banner';

@Component({
  selector: 'sg-login-page',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; place-items: center; min-height: 100vh; padding: 16px; box-sizing: border-box; }
    mat-card { width: min(400px, 100%); }
    h1 { font: var(--mat-sys-headline-small); margin: 8px 0 4px; }
    form { display: flex; flex-direction: column; gap: 4px; margin-top: 16px; }
    .brand { color: var(--mat-sys-primary); }
  `,
  template: `
    <mat-card appearance="outlined">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <mat-card-content>
        <h1><span class="brand">◆</span> Signet</h1>
        <p class="muted">Sign in to the quote-to-cash console.</p>
        <sg-problem-banner [problem]="problem()" />
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" data-testid="email" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter your email address.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>That is not an email address.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" data-testid="password" />
            @if (form.controls.password.hasError('required')) {
              <mat-error>Enter your password.</mat-error>
            }
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="sign-in">Sign in</button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class LoginPage {
  readonly returnUrl = input<string>('/dashboard');
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.auth.login(email, password);
      const target = this.returnUrl()?.startsWith('/') && !this.returnUrl().startsWith('/login') ? this.returnUrl() : '/dashboard';
      await this.router.navigateByUrl(target);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
