import { TestBed } from '@angular/core/testing';
import { MA_CROSSOVER } from '../../testing/fixtures';
import { StrategyParamsForm, initialParams, paramErrors } from './strategy-params-form';

describe('StrategyParamsForm', () => {
  it('starts from the schema defaults, overlaid with saved values', () => {
    expect(initialParams(MA_CROSSOVER)).toEqual({ fast: 10, slow: 30 });
    expect(initialParams(MA_CROSSOVER, { slow: 50 })).toEqual({ fast: 10, slow: 50 });
  });

  it('checks bounds, integers and orderings', () => {
    expect(paramErrors(MA_CROSSOVER, { fast: 10, slow: 30 })).toEqual({});
    expect(paramErrors(MA_CROSSOVER, { fast: 1, slow: 30 })).toEqual({ fast: 'Between 2 and 200' });
    expect(paramErrors(MA_CROSSOVER, { fast: 10.5, slow: 30 })).toEqual({
      fast: 'Must be a whole number',
    });
    expect(paramErrors(MA_CROSSOVER, { fast: 40, slow: 30 })).toEqual({
      fast: 'Must be below slow',
    });
    expect(paramErrors(MA_CROSSOVER, { fast: Number.NaN, slow: 30 })).toEqual({
      fast: 'A number is required',
    });
  });

  it('renders one input per schema parameter and emits each edit', async () => {
    const fixture = TestBed.createComponent(StrategyParamsForm);
    fixture.componentRef.setInput('strategy', MA_CROSSOVER);
    fixture.componentRef.setInput('values', { fast: 10, slow: 30 });
    const emitted: { key: string; value: number }[] = [];
    fixture.componentInstance.paramChange.subscribe((change) => emitted.push(change));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const fast = el.querySelector('[data-testid="param-fast"]') as HTMLInputElement;
    expect(fast.value).toBe('10');
    expect(el.querySelector('[data-testid="param-slow"]')).not.toBeNull();
    fast.value = '12';
    fast.dispatchEvent(new Event('input'));
    expect(emitted).toEqual([{ key: 'fast', value: 12 }]);
    fixture.componentRef.setInput('values', { fast: 35, slow: 30 });
    await fixture.whenStable();
    expect(el.querySelector('.error-text')?.textContent).toContain('Must be below slow');
  });
});
