import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NAV_ITEMS } from './app.routes';
import { StatusBar } from './shell/status-bar';

@Component({
  selector: 'ptp-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet, StatusBar],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class App {
  private readonly router = inject(Router);
  protected readonly nav = NAV_ITEMS;

  /** Alt+1…9 switches screens without the mouse. */
  protected onKeydown(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    const item = Number.isInteger(index) ? this.nav[index] : undefined;
    if (!item) return;
    event.preventDefault();
    void this.router.navigate(['/', item.path]);
  }
}
