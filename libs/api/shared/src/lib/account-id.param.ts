import { Param, type PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';
import { ACCOUNT_ID_PATTERN } from './account-query.dto';

class AccountIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ACCOUNT_ID_PATTERN.test(value))
      throw ApiError.badRequest('VALIDATION_FAILED', 'The account id is malformed.', {
        accountId: value,
      });
    return value;
  }
}

/** `:id` route parameter holding an account id. */
export const AccountIdParam = (): ParameterDecorator => Param('id', new AccountIdPipe());
