import { Param, type PipeTransform } from '@nestjs/common';
import { ApiError } from '@ptp/api/shared';

/** Order ids are the account id, a dash and the engine's counter (e.g. `default-O12`). */
const ORDER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

class OrderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ORDER_ID_PATTERN.test(value))
      throw ApiError.badRequest('VALIDATION_FAILED', 'The order id is malformed.', { id: value });
    return value;
  }
}

/** `:id` route parameter holding an order id. */
export const OrderIdParam = (): ParameterDecorator => Param('id', new OrderIdPipe());
