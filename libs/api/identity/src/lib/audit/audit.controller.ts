import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags, OmitType } from '@nestjs/swagger';
import {
  ApiEnvelopeResponse,
  ApiErrorResponses,
  MinRole,
  PageLimitField,
  PageOffsetField,
  parseTimeRange,
  RangeQueryDto,
} from '@ptp/api/shared';
import type { AuditEntry, Page } from '@ptp/contracts';
import { IsOptional, IsString, Length } from 'class-validator';
import { AuditLogService } from './audit-log.service';

/** `from`/`to` as elsewhere (New York dates or instants), a user, and a page. */
export class AuditQueryDto extends OmitType(RangeQueryDto, ['accountId'] as const) {
  @ApiPropertyOptional({ description: 'Only this user’s rows (`local` in local mode, `cli`)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  user?: string;

  @PageLimitField(100)
  limit?: number;

  @PageOffsetField()
  offset?: number;
}

const EXAMPLE_ENTRY: AuditEntry = {
  id: 7,
  at: '2026-01-05T15:02:11.000Z',
  user: 'alice',
  tokenId: null,
  action: 'order.place',
  method: 'POST',
  path: '/api/orders?accountId=default',
  accountId: 'default',
  status: 201,
  ip: '127.0.0.1',
  details: null,
};

@ApiTags('audit')
@Controller('api/audit')
@MinRole('admin')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log (admin): every state change with who, what, when and from where',
  })
  @ApiEnvelopeResponse('A page of entries, newest first', {
    items: [EXAMPLE_ENTRY],
    total: 1,
    limit: 100,
    offset: 0,
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'] })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const { fromMs, toMs } = parseTimeRange(query.from, query.to);
    return this.audit.page(
      { from: Math.max(fromMs, 0), to: Math.min(toMs, Number.MAX_SAFE_INTEGER), user: query.user },
      query.limit ?? 100,
      query.offset ?? 0,
    );
  }
}
