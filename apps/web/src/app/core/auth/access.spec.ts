import { SIGNED_OUT_ME, signedInAs } from '../../testing/auth-fixtures';
import { AREA_ACCESS, safeReturnUrl } from './access';
import { LOCAL_ME } from './auth.service';

describe('safeReturnUrl', () => {
  it('keeps a path inside the dashboard, with its query', () => {
    expect(safeReturnUrl('/activity?range=1D')).toBe('/activity?range=1D');
  });

  it('falls back to the start screen for anything that could leave the dashboard or loop back', () => {
    for (const url of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'activity',
      '/login',
      '/login?returnUrl=%2F',
    ]) {
      expect(safeReturnUrl(url)).toBe('/');
    }
  });
});

describe('AREA_ACCESS', () => {
  const areas = (me: Parameters<(typeof AREA_ACCESS)['tokens']>[0]) =>
    (Object.keys(AREA_ACCESS) as (keyof typeof AREA_ACCESS)[]).filter((area) =>
      AREA_ACCESS[area](me),
    );

  it('gives local mode the audit log but no tokens or users, which need signed-in users', () => {
    expect(areas(LOCAL_ME)).toEqual(['audit']);
  });

  it('gives every signed-in user their tokens, and only admins users and the audit log', () => {
    expect(areas(signedInAs('vic', 'viewer'))).toEqual(['tokens']);
    expect(areas(signedInAs('ann', 'trader'))).toEqual(['tokens']);
    expect(areas(signedInAs('ada', 'admin'))).toEqual(['tokens', 'users', 'audit']);
    expect(areas(SIGNED_OUT_ME)).toEqual([]);
  });
});
