import { parsePrometheusText } from './prometheus-text';

const HISTOGRAM = [
  '# HELP h_seconds A histogram.',
  '# TYPE h_seconds histogram',
  'h_seconds_bucket{le="0.1",route="/a"} 1',
  'h_seconds_bucket{le="+Inf",route="/a"} 2',
  'h_seconds_sum{route="/a"} 0.3',
  'h_seconds_count{route="/a"} 2',
];

describe('the strict Prometheus text parser of the metrics test', () => {
  it('reads families, types, escaped help and labels, values Go reads, and histograms', () => {
    const text = [
      '# HELP c_total Line one\\nand a \\\\ backslash.',
      '# TYPE c_total counter',
      'c_total{path="a\\"b\\\\c\\nd",x="1",} 3 1700000000000',
      '# a comment',
      '',
      '# TYPE g gauge',
      'g Nan',
      'g{k="inf"} +Inf',
      'g{k="neg"} -inf',
      'g{k="exp"} 1.5e-3',
      ...HISTOGRAM,
      '',
    ].join('\n');
    const families = parsePrometheusText(text);
    expect(families.get('c_total')).toEqual({
      name: 'c_total',
      type: 'counter',
      help: 'Line one\nand a \\ backslash.',
      samples: [{ name: 'c_total', labels: { path: 'a"b\\c\nd', x: '1' }, value: 3 }],
    });
    expect(families.get('g')?.samples.map((s) => s.value)).toEqual([
      NaN,
      Infinity,
      -Infinity,
      0.0015,
    ]);
    expect(families.get('h_seconds')?.samples).toHaveLength(4);
  });

  it.each([
    ['a TYPE after its samples', 'x 1\n# TYPE x gauge\n'],
    ['two TYPE lines', '# TYPE x gauge\n# TYPE x gauge\nx 1\n'],
    ['an unknown type', '# TYPE x meter\nx 1\n'],
    ['a duplicate series', 'x{a="1"} 1\nx{a="1"} 2\n'],
    ['a family split into two groups', 'x 1\ny 1\nx{a="2"} 1\n'],
    ['a bad escape', 'x{a="\\t"} 1\n'],
    ['an unterminated label value', 'x{a="1} 1\n'],
    ['a label given twice', 'x{a="1",a="2"} 1\n'],
    ['a value that is not a number', 'x one\n'],
    ['a missing value', 'x{a="1"}\n'],
    ['no final newline', 'x 1'],
    ['a histogram sample without a suffix', '# TYPE h histogram\nh 1\n'],
    [
      'buckets that shrink',
      HISTOGRAM.join('\n').replace('} 2\nh_seconds_sum', '} 0\nh_seconds_sum') + '\n',
    ],
    ['no +Inf bucket', HISTOGRAM.filter((l) => !l.includes('+Inf')).join('\n') + '\n'],
    [
      '+Inf apart from _count',
      HISTOGRAM.join('\n').replace('_count{route="/a"} 2', '_count{route="/a"} 5') + '\n',
    ],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
