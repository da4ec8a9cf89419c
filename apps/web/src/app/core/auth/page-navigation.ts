import { DOCUMENT, Injectable, inject } from '@angular/core';

/** Leaving the single-page app for a full page load: the one way to drop everything a signed-out user saw. */
@Injectable({ providedIn: 'root' })
export class PageNavigation {
  private readonly document = inject(DOCUMENT);

  load(url: string): void {
    this.document.location.assign(url);
  }
}
