import { PreparedEnvelope } from '@ptp/api/shared';
import { FullChartAnswers } from './full-chart-answers';

describe('FullChartAnswers', () => {
  const answer = (n: number) => new PreparedEnvelope({ n });

  it('gives an account its answer only for the ETag it was prepared under', () => {
    const answers = new FullChartAnswers();
    const first = answer(1);
    answers.set('a', 'W/"1"', first);
    expect(answers.get('a', 'W/"1"')).toBe(first);
    expect(answers.get('a', 'W/"2"')).toBeUndefined();
    expect(answers.get('b', 'W/"1"')).toBeUndefined();

    const next = answer(2);
    answers.set('a', 'W/"2"', next);
    expect(answers.get('a', 'W/"2"')).toBe(next);
    expect(answers.get('a', 'W/"1"')).toBeUndefined();
  });

  it('keeps the most recently asked accounts only', () => {
    const answers = new FullChartAnswers(2);
    answers.set('a', 'W/"a"', answer(1));
    answers.set('b', 'W/"b"', answer(2));
    answers.get('a', 'W/"a"');
    answers.set('c', 'W/"c"', answer(3));
    expect(answers.get('b', 'W/"b"')).toBeUndefined();
    expect(answers.get('a', 'W/"a"')).toBeDefined();
    expect(answers.get('c', 'W/"c"')).toBeDefined();
  });
});
