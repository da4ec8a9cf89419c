const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Backtests run in a worker thread (node:worker_threads), which needs a file of its own beside main.js.
      // The path must be absolute: Nx resolves a '../' entry path from the workspace root, not from this folder.
      additionalEntryPoints: [
        {
          entryName: 'backtest-worker',
          entryPath: join(
            __dirname,
            '../../libs/api/strategy/src/lib/backtests/worker/backtest-worker.main.ts',
          ),
        },
      ],
      tsConfig: './tsconfig.app.json',
      assets: [],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
