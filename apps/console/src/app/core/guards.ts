import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthStore, type Role } from '@signet/console-data-access';

/** Signed-in users only; loads the profile on first navigation. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.isSignedIn() && (auth.me() || (await auth.loadMe()) || (await auth.refresh() && (await auth.loadMe())))) return true;
  auth.logout();
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

export function roleGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    return auth.hasRole(...roles) || inject(Router).createUrlTree(['/forbidden']);
  };
}
