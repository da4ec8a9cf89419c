import { ValidationPipe } from '@nestjs/common';

/** `@IsNumber(FINITE_NUMBER)`: NaN and Infinity are not numbers a request may carry. */
export const FINITE_NUMBER = { allowNaN: false, allowInfinity: false };

/**
 * The one set of DTO rules: the global pipe of the app, and the same pipe applied by hand where a body
 * arrives inside another format (the JSON part of a multipart upload).
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({ forbidNonWhitelisted: true, transform: true, whitelist: true });
}
