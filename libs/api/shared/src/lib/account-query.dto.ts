import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ApiError } from './api-error';

export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `?accountId=` (or a body field): which paper account an endpoint acts on. */
export class AccountQueryDto {
  @ApiPropertyOptional({
    description: 'Paper account to act on; the default account when omitted.',
    example: 'default',
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'accountId must be 1-64 letters, digits, _ or -' })
  accountId?: string;
}

/**
 * The account a POST acts on, from its body or its query string: a user who writes `?accountId=` must
 * not silently act on the default account. Two different ids are refused.
 */
export function accountIdOf(body: AccountQueryDto, query: AccountQueryDto): string | undefined {
  if (
    body.accountId !== undefined &&
    query.accountId !== undefined &&
    body.accountId !== query.accountId
  ) {
    throw ApiError.badRequest(
      'ACCOUNT_ID_MISMATCH',
      `The body names account ${body.accountId} but the query names ${query.accountId}.`,
      { body: body.accountId, query: query.accountId },
    );
  }
  return body.accountId ?? query.accountId;
}
