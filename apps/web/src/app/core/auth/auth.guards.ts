import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { type RestrictedArea, AREA_ACCESS } from './access';
import { Auth } from './auth.service';

/** Every screen but the login one: signed-out visitors go to the login screen, which brings them back. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(Auth).signedIn() ||
  inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });

/** The login screen has nothing to do in local mode or for a signed-in user. */
export const loginPageGuard: CanActivateFn = () =>
  !inject(Auth).signedIn() || inject(Router).createUrlTree(['/']);

export function areaGuard(area: RestrictedArea): CanActivateFn {
  return () => AREA_ACCESS[area](inject(Auth).me()) || inject(Router).createUrlTree(['/']);
}
