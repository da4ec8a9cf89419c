import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION_VALUE } from './app-version.value';

/** OpenAPI document at /api/openapi.json and Swagger UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Paper Trading Platform API')
      .setDescription(
        'Every JSON response is wrapped in the envelope {status, timestamp, data, metadata:{execution_time_ms, version}}; errors carry error:{code, message, details}.',
      )
      .setVersion(APP_VERSION_VALUE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    raw: ['json'],
  });
}
