import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { toApiFailure } from '../api/api-failure';
import { Auth } from './auth.service';

/**
 * A 401 UNAUTHENTICATED from any call means the session is gone (expired, revoked, logged out elsewhere):
 * the dashboard shows the login screen, which returns to the current screen afterwards. The error still
 * reaches the caller, which shows it as any other failure.
 */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(Auth);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        toApiFailure(error).code === 'UNAUTHENTICATED'
      ) {
        auth.sessionEnded();
        if (!router.url.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
        }
      }
      return throwError(() => error);
    }),
  );
};
