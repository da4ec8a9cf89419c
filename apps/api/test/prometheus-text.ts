/**
 * A strict parser of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): it throws on anything a
 * Prometheus server would refuse, so a test that parses /metrics proves a scrape would succeed.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  /** The sample's own name: a histogram's series are `<family>_bucket`, `_sum` and `_count`. */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string | null;
  readonly samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition must end in \\n');
  const families = new Map<string, MetricFamily & { samples: Sample[] }>();
  const closed = new Set<string>();
  const seriesSeen = new Set<string>();
  let current: string | null = null;
  const family = (name: string, lineNo: number) => {
    if (current !== name) {
      if (closed.has(name)) throw new Error(`line ${lineNo}: ${name} is split into two groups`);
      if (current !== null) closed.add(current);
      current = name;
    }
    let found = families.get(name);
    if (!found) {
      found = { name, type: 'untyped', help: null, samples: [] };
      families.set(name, found);
    }
    return found;
  };
  text.split('\n').forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!meta) return;
      const [, kind, name, rest = ''] = meta;
      if (!METRIC_NAME.test(name)) throw new Error(`line ${lineNo}: bad metric name ${name}`);
      const target = family(name, lineNo);
      if (kind === 'HELP') {
        if (target.help !== null) throw new Error(`line ${lineNo}: second HELP for ${name}`);
        (target as { help: string | null }).help = unescapeHelp(rest, lineNo);
        return;
      }
      const type = rest.trim() as MetricType;
      if (!TYPES.includes(type)) throw new Error(`line ${lineNo}: unknown type ${rest}`);
      if (target.samples.length > 0 || target.type !== 'untyped')
        throw new Error(`line ${lineNo}: TYPE for ${name} comes late or twice`);
      (target as { type: MetricType }).type = type;
      return;
    }
    const sample = parseSample(line, lineNo);
    const owner = ownerOf(sample.name, families, current);
    const target = family(owner, lineNo);
    const suffix = sample.name.slice(owner.length);
    if (!SUFFIXES[target.type].includes(suffix))
      throw new Error(`line ${lineNo}: ${sample.name} does not belong to a ${target.type}`);
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seriesSeen.has(key)) throw new Error(`line ${lineNo}: duplicate series ${key}`);
    seriesSeen.add(key);
    target.samples.push(sample);
  });
  for (const found of families.values()) if (found.type === 'histogram') checkHistogram(found);
  return families;
}

/** A `_bucket`/`_sum`/`_count` sample belongs to the histogram or summary family being read. */
function ownerOf(name: string, families: Map<string, MetricFamily>, current: string | null) {
  if (current !== null && name !== current && name.startsWith(current)) {
    const type = families.get(current)?.type;
    if (type === 'histogram' || type === 'summary') return current;
  }
  return name;
}

function parseSample(line: string, lineNo: number): Sample {
  const head = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
  if (!head) throw new Error(`line ${lineNo}: no metric name in ${JSON.stringify(line)}`);
  const name = head[1];
  let at = name.length;
  const labels: Record<string, string> = {};
  if (line[at] === '{') {
    at++;
    while (line[at] !== '}') {
      const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(at))?.[0];
      if (!labelName || !LABEL_NAME.test(labelName))
        throw new Error(`line ${lineNo}: bad label name at column ${at + 1}`);
      at += labelName.length;
      if (line.slice(at, at + 2) !== '="') throw new Error(`line ${lineNo}: expected ="`);
      at += 2;
      let value = '';
      for (;;) {
        const char = line[at++];
        if (char === undefined) throw new Error(`line ${lineNo}: unterminated label value`);
        if (char === '"') break;
        if (char === '\\') {
          const escaped = line[at++];
          if (escaped === 'n') value += '\n';
          else if (escaped === '\\' || escaped === '"') value += escaped;
          else throw new Error(`line ${lineNo}: bad escape \\${escaped}`);
        } else value += char;
      }
      if (labelName in labels) throw new Error(`line ${lineNo}: label ${labelName} twice`);
      labels[labelName] = value;
      if (line[at] === ',') at++;
      else if (line[at] !== '}') throw new Error(`line ${lineNo}: expected , or }`);
    }
    at++;
  }
  const rest = line.slice(at);
  const parts = /^[ \t]+(\S+)(?:[ \t]+(-?\d+))?[ \t]*$/.exec(rest);
  if (!parts) throw new Error(`line ${lineNo}: bad value or timestamp in ${JSON.stringify(line)}`);
  return { name, labels, value: parseValue(parts[1], lineNo) };
}

/** Values are read as Go's strconv.ParseFloat reads them: NaN and Inf in any letter case. */
function parseValue(text: string, lineNo: number): number {
  if (/^nan$/i.test(text)) return NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
    throw new Error(`line ${lineNo}: ${text} is not a number`);
  return Number(text);
}

function unescapeHelp(text: string, lineNo: number): string {
  return text.replace(/\\(.?)/g, (_, escaped: string) => {
    if (escaped === 'n') return '\n';
    if (escaped === '\\') return '\\';
    throw new Error(`line ${lineNo}: bad escape in HELP`);
  });
}

/** Buckets of each series rise with `le`, end at +Inf, and +Inf equals `_count`. */
function checkHistogram(family: MetricFamily): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      entry.buckets.push([parseValue(le, 0), sample.value]);
    } else if (sample.name.endsWith('_count')) entry.count = sample.value;
  }
  for (const [key, { buckets, count }] of series) {
    const last = buckets[buckets.length - 1];
    if (!last || last[0] !== Infinity || last[1] !== count)
      throw new Error(`${family.name}${key}: no +Inf bucket equal to _count`);
    for (let i = 1; i < buckets.length; i++)
      if (buckets[i][0] <= buckets[i - 1][0] || buckets[i][1] < buckets[i - 1][1])
        throw new Error(`${family.name}${key}: buckets are not cumulative`);
  }
}
