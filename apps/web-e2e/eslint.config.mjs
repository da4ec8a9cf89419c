import baseConfig from '../../eslint.config.mjs';

// test-output holds the HTML report's bundled scripts and the kept screenshots, not sources.
export default [...baseConfig, { ignores: ['**/test-output/**'] }];
