import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@ptp/api/config';
import {
  ApiExceptionFilter,
  bodyParserErrors,
  bodyParsers,
  crossSiteGuard,
  hostAllowList,
  requestContext,
  requestValidationPipe,
} from '@ptp/api/shared';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { HttpMetrics } from '@ptp/api/metrics';
import { AppModule, type AppModuleOptions } from './app.module';
import { APP_VERSION_VALUE } from './app-version.value';
import { setUpOpenApi } from './openapi';

/** The only route that takes multipart/form-data (BacktestsController.upload, multer-parsed). */
const MULTIPART_PATHS = ['/api/backtests/upload'];

const COMPRESSION_THRESHOLD = '8kb';

/**
 * Builds the fully configured Nest application (global pipes, security headers, body limits,
 * OpenAPI). main.ts and the integration tests both start the API through here.
 */
export async function createApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, options),
    {
      bodyParser: false,
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  // One proxy hop: its X-Forwarded-For/-Proto give the client address and https (Secure cookies).
  if (config.server.trustProxy) app.set('trust proxy', 1);
  app.use(requestContext);
  app.use(app.get(HttpMetrics).middleware);
  // Before everything that can answer, so perimeter and parser errors carry the headers too.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // gzip or brotli (quality 4) for answers over 8 kB when the client accepts them. Below that (status,
  // portfolio, risk: 1–2 kB) a compression stream cost a polled GET more CPU than the bytes it saved.
  // A full chart-data answer comes gzip-encoded already (PreparedEnvelope: compressed once per
  // revision, not per request), and the middleware leaves an encoded answer alone.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD }));
  app.use(hostAllowList(config.server.allowedHosts));
  app.use(
    crossSiteGuard({ corsOrigins: config.server.corsOrigins, multipartPaths: MULTIPART_PATHS }),
  );
  // After the perimeter, so a refused request's body is never read.
  for (const parser of bodyParsers(config.server.bodyLimit)) app.use(parser);
  app.use(bodyParserErrors(new ApiExceptionFilter(APP_VERSION_VALUE)));
  if (config.server.corsOrigins.length > 0) app.enableCors({ origin: config.server.corsOrigins });
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}
