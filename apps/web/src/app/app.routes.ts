import type { Route } from '@angular/router';
import type { RestrictedArea } from './core/auth/access';
import { areaGuard, loginPageGuard, signedInGuard } from './core/auth/auth.guards';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  /** Shown only to those who may open it; absent means everyone. */
  readonly area?: RestrictedArea;
}

/**
 * Screens in the order of the tab bar; Alt+1…9 jumps to them. Paths avoid the API's own
 * top-level routes (/health, /api, /paper-trading), which the server answers before the SPA fallback.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'overview', label: 'Overview' },
  { path: 'activity', label: 'Positions & activity' },
  { path: 'controls', label: 'Trading controls' },
  { path: 'chart', label: 'Price chart' },
  { path: 'decisions', label: 'Decisions' },
  { path: 'backtest', label: 'Backtest' },
  { path: 'performance', label: 'Performance' },
  { path: 'accounts', label: 'Accounts' },
  { path: 'system', label: 'Health' },
  { path: 'tokens', label: 'API tokens', area: 'tokens' },
  { path: 'users', label: 'Users', area: 'users' },
  { path: 'audit', label: 'Audit log', area: 'audit' },
];

const screenRoutes: Route[] = [
  {
    path: 'overview',
    title: 'Overview',
    loadComponent: () =>
      import('./features/overview/overview-screen').then((m) => m.OverviewScreen),
  },
  {
    path: 'activity',
    title: 'Positions & activity',
    loadComponent: () =>
      import('./features/activity/activity-screen').then((m) => m.ActivityScreen),
  },
  {
    path: 'controls',
    title: 'Trading controls',
    loadComponent: () =>
      import('./features/controls/controls-screen').then((m) => m.ControlsScreen),
  },
  {
    path: 'chart/:symbol',
    title: 'Price chart',
    loadComponent: () =>
      import('./features/price-chart/price-chart-screen').then((m) => m.PriceChartScreen),
  },
  {
    path: 'chart',
    title: 'Price chart',
    loadComponent: () =>
      import('./features/price-chart/price-chart-screen').then((m) => m.PriceChartScreen),
  },
  {
    path: 'decisions',
    title: 'Decisions',
    loadComponent: () =>
      import('./features/decisions/decisions-screen').then((m) => m.DecisionsScreen),
  },
  {
    path: 'backtest',
    title: 'Backtest',
    loadComponent: () =>
      import('./features/backtest/backtest-screen').then((m) => m.BacktestScreen),
  },
  {
    path: 'performance',
    title: 'Performance',
    loadComponent: () =>
      import('./features/performance/performance-screen').then((m) => m.PerformanceScreen),
  },
  {
    path: 'accounts',
    title: 'Accounts',
    loadComponent: () =>
      import('./features/accounts/accounts-screen').then((m) => m.AccountsScreen),
  },
  {
    path: 'system',
    title: 'Health',
    loadComponent: () => import('./features/health/health-screen').then((m) => m.HealthScreen),
  },
  {
    path: 'tokens',
    title: 'API tokens',
    canActivate: [areaGuard('tokens')],
    loadComponent: () => import('./features/tokens/tokens-screen').then((m) => m.TokensScreen),
  },
  {
    path: 'users',
    title: 'Users',
    canActivate: [areaGuard('users')],
    loadComponent: () => import('./features/users/users-screen').then((m) => m.UsersScreen),
  },
  {
    path: 'audit',
    title: 'Audit log',
    canActivate: [areaGuard('audit')],
    loadComponent: () => import('./features/audit/audit-screen').then((m) => m.AuditScreen),
  },
  { path: '', pathMatch: 'full', redirectTo: 'overview' },
];

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Login',
    canActivate: [loginPageGuard],
    loadComponent: () => import('./features/login/login-screen').then((m) => m.LoginScreen),
  },
  { path: '', canActivateChild: [signedInGuard], children: screenRoutes },
  { path: '**', redirectTo: 'overview' },
];
