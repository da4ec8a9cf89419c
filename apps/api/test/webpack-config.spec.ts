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

// Nx resolves a '../' entry path from the workspace root, so a relative one only builds when the checkout
// happens to sit two folders below '/'. An absolute path builds anywhere.
it('gives the backtest worker an absolute entry path that exists in this checkout', () => {
  jest.isolateModules(() => require('../webpack.config.js'));
  const [options] = captured;
  expect(existsSync(join(__dirname, '..', options.main))).toBe(true);
  expect(options.additionalEntryPoints.map((entry) => entry.entryName)).toEqual(['backtest-worker']);
  for (const { entryPath } of options.additionalEntryPoints) {
    expect(isAbsolute(entryPath)).toBe(true);
    expect(existsSync(entryPath)).toBe(true);
  }
});
