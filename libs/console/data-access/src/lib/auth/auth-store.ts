import { computed, inject, Injectable, signal } from '@angular/core';
import { Api } from '../generated/api';
import { authLogin, authMe, authRefresh } from '../generated/functions';
import type { MeDto, Role, TokenPairDto } from '../generated/models';
import { readTokens, writeTokens } from './token-storage';

/** The signed-in user and their tokens; the one place the console keeps auth state. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(Api);
  private readonly tokens = signal<TokenPairDto | null>(readTokens());
  private refreshing: Promise<boolean> | null = null;

  readonly me = signal<MeDto | null>(null);
  readonly isSignedIn = computed(() => this.tokens() !== null);
  readonly roles = computed<Role[]>(() => this.me()?.roles ?? []);

  accessToken(): string | null {
    return this.tokens()?.accessToken ?? null;
  }

  hasRole(...roles: Role[]): boolean {
    return roles.some((r) => this.roles().includes(r));
  }

  async login(email: string, password: string): Promise<void> {
    const pair = await this.api.invoke(authLogin, { body: { email, password } });
    this.setTokens(pair);
    await this.loadMe();
  }

  /** Loads the current user; false when the session is no longer valid. */
  async loadMe(): Promise<boolean> {
    if (!this.tokens()) return false;
    try {
      this.me.set(await this.api.invoke(authMe));
      return true;
    } catch {
      return false;
    }
  }

  /** Exchanges the refresh token once, sharing one request among concurrent callers. */
  refresh(): Promise<boolean> {
    const current = this.tokens();
    if (!current) return Promise.resolve(false);
    this.refreshing ??= this.api
      .invoke(authRefresh, { body: { refreshToken: current.refreshToken } })
      .then((pair) => {
        this.setTokens(pair);
        return true;
      })
      .catch(() => {
        this.logout();
        return false;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  logout(): void {
    this.setTokens(null);
    this.me.set(null);
  }

  private setTokens(pair: TokenPairDto | null): void {
    writeTokens(pair);
    this.tokens.set(pair);
  }
}
