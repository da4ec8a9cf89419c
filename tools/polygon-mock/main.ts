import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCorporateActions } from '@ptp/domain';
import { PolygonMockServer } from './polygon-mock-server';

/**
 * `npm run mock:polygon -- --port 8081 [--key demo-key] [--seed 42] [--delayed]
 * [--corporate-actions FILE]` (FILE: `{"splits": […], "dividends": […]}` with Polygon's fields).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8081' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string', default: process.env['POLYGON_API_KEY'] || 'mock-polygon-key' },
    seed: { type: 'string', default: '42' },
    delayed: { type: 'boolean', default: false },
    'corporate-actions': { type: 'string' },
  },
});
const actionsFile = values['corporate-actions'];

const server = new PolygonMockServer({
  apiKey: values.key,
  seed: Number(values.seed),
  delayed: values.delayed,
  ...(actionsFile
    ? { corporateActions: parseCorporateActions(readFileSync(actionsFile, 'utf8')) }
    : {}),
});
server.start(Number(values.port), values.host).then((url) => {
  // Subscribed symbols get a trade every second and a minute aggregate as each minute completes.
  setInterval(() => server.stream.tick(), 1_000);
  process.stdout.write(
    `Polygon mock listening on ${url} (WebSocket ${server.websocketUrl})\n` +
      `Start the platform with: POLYGON_BASE_URL=${url} POLYGON_API_KEY=<the --key value> npm start\n` +
      `Add POLYGON_WEBSOCKET=true POLYGON_WEBSOCKET_URL=${server.websocketUrl} to stream trades and minute bars.\n`,
  );
});
