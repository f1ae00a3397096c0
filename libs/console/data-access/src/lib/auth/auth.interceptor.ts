import { type HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

const AUTH_FREE = ['/api/auth/login', '/api/auth/refresh'];

/** Adds the bearer token; on an expired token refreshes once and retries, else sends the user to login. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (AUTH_FREE.some((path) => request.url.endsWith(path))) return next(request);
  const withToken = () => {
    const token = auth.accessToken();
    return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  };
  return next(withToken()).pipe(
    catchError((error: HttpErrorResponse) => {
      if (error.status !== 401 || !auth.isSignedIn()) return throwError(() => error);
      return from(auth.refresh()).pipe(
        switchMap((ok) => {
          if (ok) return next(withToken());
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
          return throwError(() => error);
        }),
      );
    }),
  );
};
