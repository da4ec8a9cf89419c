import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
  CurrentPrincipal,
  MinRole,
  type Principal,
} from '@ptp/api/shared';
import type { ApiTokenSummary, CreatedApiToken } from '@ptp/contracts';
import { CreateTokenDto } from '../auth.dto';
import { ApiTokensService } from './api-tokens.service';

const EXAMPLE_TOKEN: ApiTokenSummary = {
  id: '0b7f3c2e-5d1a-4e8b-9c3d-2f6a7b8c9d0e',
  name: 'my-bot',
  owner: 'alice',
  role: 'trader',
  accountId: 'default',
  createdAt: '2026-01-05T14:30:00.000Z',
  lastUsedAt: '2026-01-05T15:02:11.000Z',
};

/** Bots authenticate with `Authorization: Bearer <token>`; a viewer may make read-only tokens. */
@ApiTags('tokens')
@Controller('api/tokens')
@MinRole('viewer')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your API tokens with their last use (an admin sees everyone’s)' })
  @ApiEnvelopeResponse('The tokens', [EXAMPLE_TOKEN])
  list(@CurrentPrincipal() caller: Principal): Promise<ApiTokenSummary[]> {
    return this.tokens.list(caller);
  }

  @Post()
  @Audited('token.create')
  @ApiOperation({
    summary: 'Create an API token; the token itself is in this answer only, and stored hashed',
    description:
      'Optionally limited to one account and to a role at most your own. A token follows its owner: removing the user or lowering their role limits it too.',
  })
  @ApiEnvelopeResponse('The token, shown once', { ...EXAMPLE_TOKEN, token: 'ptp_…' }, 201)
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED', 'NO_USER'],
    403: ['FORBIDDEN'],
    404: ['ACCOUNT_NOT_FOUND'],
  })
  create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateTokenDto,
  ): Promise<CreatedApiToken> {
    return this.tokens.create(caller, body);
  }

  @Delete(':id')
  @Audited('token.revoke')
  @ApiOperation({ summary: 'Revoke a token at once' })
  @ApiEnvelopeResponse('The revoked token', EXAMPLE_TOKEN)
  @ApiErrorResponses({ 404: ['TOKEN_NOT_FOUND'] })
  revoke(@CurrentPrincipal() caller: Principal, @Param('id') id: string): Promise<ApiTokenSummary> {
    return this.tokens.revoke(caller, id);
  }
}
