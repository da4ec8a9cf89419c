import { ClusterArgsError, parseClusterArgs } from './cluster-args';

describe('npm run cluster arguments', () => {
  it('reads the counts and the base port, building by default', () => {
    expect(parseClusterArgs(['--api', '3', '--workers', '1', '--base-port', '5100'])).toEqual({
      api: 3,
      workers: 1,
      basePort: 5100,
      build: true,
    });
    expect(parseClusterArgs(['--api=2', '--workers=0', '--no-build'])).toEqual({
      api: 2,
      workers: 0,
      basePort: 5100,
      build: false,
    });
    expect(parseClusterArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--api', '0'], '--api must be a whole number from 1 to 32, not "0"'],
    [['--workers', '-1'], '--workers'],
    [['--api', '2.5'], '--api must be a whole number'],
    [['--base-port', '80'], '--base-port must be a whole number from 1024'],
    [['--base-port', '65534'], 'to 65531'],
    [['--apis', '3'], "Unknown option '--apis'"],
    [['extra'], 'extra'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseClusterArgs(argv)).toThrow(ClusterArgsError);
    expect(() => parseClusterArgs(argv)).toThrow(message);
  });
});
