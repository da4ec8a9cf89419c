import { TestBed } from '@angular/core/testing';
import type { RiskLimits } from '@ptp/contracts';
import { DEFAULT_RISK_LIMITS } from '../../testing/fixtures';
import { RiskLimitsForm, riskLimitErrors } from './risk-limits-form';

const limits = DEFAULT_RISK_LIMITS;

describe('RiskLimitsForm', () => {
  it('accepts the defaults and rejects out-of-range or fractional counts', () => {
    expect(riskLimitErrors(limits)).toEqual({});
    expect(riskLimitErrors({ ...limits, maxPositionPct: 0, maxOpenPositions: 2.5 })).toEqual({
      maxPositionPct: 'Between 0.1 and 100',
      maxOpenPositions: 'Must be a whole number',
    });
    expect(riskLimitErrors({ ...limits, dailyLossLimitPct: Number.NaN })).toEqual({
      dailyLossLimitPct: 'A number is required',
    });
  });

  it('saves only valid edits, with cleared optional limits sent as null', async () => {
    const fixture = TestBed.createComponent(RiskLimitsForm);
    fixture.componentRef.setInput('limits', { ...limits, defaultStopLossPct: 2 });
    const saved: RiskLimits[] = [];
    fixture.componentInstance.saved.subscribe((l) => saved.push(l));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
    const edit = async (id: string, value: string) => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    await edit('risk-maxPositionPct', '150');
    input('risk-save').click();
    expect(saved).toEqual([]);
    await edit('risk-maxPositionPct', '20');
    await edit('risk-defaultStopLossPct', '');
    input('risk-save').click();
    expect(saved).toEqual([{ ...limits, maxPositionPct: 20, defaultStopLossPct: null }]);
  });
});
