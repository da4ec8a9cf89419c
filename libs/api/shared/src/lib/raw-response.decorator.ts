import { SetMetadata } from '@nestjs/common';

export const RAW_RESPONSE = Symbol('RAW_RESPONSE');

/** Marks a handler whose body is not JSON (CSV, HTML) so the envelope interceptor leaves it alone. */
export const RawResponse = (): MethodDecorator => SetMetadata(RAW_RESPONSE, true);
