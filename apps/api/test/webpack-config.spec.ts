import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

interface AppPluginOptions {
  main: string;
  additionalEntryPoints: { entryName: string; entryPath: string }[];
}

const captured: AppPluginOptions[] = [];

jest.mock('@nx/webpack/app-plugin', () => ({
  NxAppWebpackPlugin: class {
    constructor(options: AppPluginOptions) {
      captured.push(options);
    }
  },
}));

// A '../' entry path built here yet failed in CI, whose checkout sits one folder deeper (see the config).
it('gives the backtest worker an absolute entry path that exists in this checkout', () => {
  require('../webpack.config.js');
  const [options] = captured;
  expect(existsSync(join(__dirname, '..', options.main))).toBe(true);
  expect(options.additionalEntryPoints.map((entry) => entry.entryName)).toEqual(['backtest-worker']);
  for (const { entryPath } of options.additionalEntryPoints) {
    expect(isAbsolute(entryPath)).toBe(true);
    expect(existsSync(entryPath)).toBe(true);
  }
});
