import { CommandLine } from './shell/command/command-line';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NAV_ITEMS } from './app.routes';
import { AREA_ACCESS } from './core/auth/access';
import { Auth } from './core/auth/auth.service';
import { StatusBar } from './shell/status-bar';

@Component({
  selector: 'ptp-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CommandLine, RouterLink, RouterLinkActive, RouterOutlet, StatusBar],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class App {
  private readonly router = inject(Router);
  protected readonly auth = inject(Auth);
  protected readonly nav = computed(() => {
    const me = this.auth.me();
    return NAV_ITEMS.filter((item) => !item.area || AREA_ACCESS[item.area](me));
  });

  /** Alt+1…9 switches screens without the mouse. */
  protected onKeydown(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey || !this.auth.signedIn()) return;
    const index = Number(event.key) - 1;
    const item = Number.isInteger(index) ? this.nav()[index] : undefined;
    if (!item) return;
    event.preventDefault();
    void this.router.navigate(['/', item.path]);
  }
}
