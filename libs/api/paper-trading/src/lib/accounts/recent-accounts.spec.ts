import type { AccountEntity } from '@ptp/api/persistence';
import { RecentAccounts } from './recent-accounts';

const account = (id: string): AccountEntity => ({
  id,
  name: id,
  startingCapital: '500',
  isDefault: false,
  ownerUserId: null,
  createdAt: 0,
});

describe('RecentAccounts', () => {
  let clock = 0;
  beforeEach(() => (clock = 0));

  it('answers a found account for maxAgeMs, then asks again', () => {
    const recent = new RecentAccounts(1000, { now: () => clock });
    recent.remember(account('a'));
    clock = 999;
    expect(recent.get('a')?.id).toBe('a');
    clock = 1000;
    expect(recent.get('a')).toBeUndefined();
  });

  it('forgets a deleted account at once', () => {
    const recent = new RecentAccounts(1000, { now: () => clock });
    recent.remember(account('a'));
    recent.forget('a');
    expect(recent.get('a')).toBeUndefined();
  });

  it('hands out a frozen copy, so no caller can change what others read', () => {
    const recent = new RecentAccounts(1000, { now: () => clock });
    const original = account('a');
    const kept = recent.remember(original);
    expect(() => Object.assign(kept, { name: 'changed' })).toThrow(TypeError);
    expect(recent.get('a')?.name).toBe('a');
  });
});
