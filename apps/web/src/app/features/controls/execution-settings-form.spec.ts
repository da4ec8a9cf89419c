import { TestBed } from '@angular/core/testing';
import type { RuntimeConfigPatch } from '@ptp/contracts';
import { runtimeConfig } from '../../testing/fixtures';
import { ExecutionSettingsForm, executionDraft, executionErrors } from './execution-settings-form';

const config = runtimeConfig();

describe('ExecutionSettingsForm', () => {
  it('accepts the configured values and refuses those the server would', () => {
    const draft = executionDraft(config);
    expect(executionErrors(draft)).toEqual({});
    expect(executionErrors({ ...draft, maxVolumePct: 0, slippageBps: Number.NaN })).toEqual({
      maxVolumePct: 'Between 0.000001 and 100',
      slippageBps: 'A number is required',
    });
  });

  it('saves the volume cap, fill rule, slippage and fees as one config patch', async () => {
    const fixture = TestBed.createComponent(ExecutionSettingsForm);
    fixture.componentRef.setInput('config', config);
    const saved: RuntimeConfigPatch[] = [];
    fixture.componentInstance.saved.subscribe((patch) => saved.push(patch));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const field = (id: string) =>
      el.querySelector(`[data-testid="execution-${id}"]`) as HTMLInputElement;
    const edit = async (id: string, value: string, event = 'input') => {
      field(id).value = value;
      field(id).dispatchEvent(new Event(event));
      await fixture.whenStable();
    };
    await edit('maxVolumePct', '200');
    field('save').click();
    expect(saved).toEqual([]);
    await edit('maxVolumePct', '10');
    await edit('limitFillRule', 'through', 'change');
    await edit('flat', '1');
    field('save').click();
    expect(saved).toEqual([
      {
        execution: { maxVolumePct: 10, limitFillRule: 'through' },
        slippageBps: 5,
        fees: { percent: 0, perShare: 0.005, perShareMinimum: 1, flat: 1, regulatory: true },
      },
    ]);
  });
});
