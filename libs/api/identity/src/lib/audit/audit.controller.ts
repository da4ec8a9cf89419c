import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ApiEnvelopeResponse,
  ApiErrorResponses,
  MinRole,
  PageLimitField,
  parseTimeRange,
} from '@ptp/api/shared';
import type { AuditEntry, Page } from '@ptp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Min } from 'class-validator';
import { AuditLogService } from './audit-log.service';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Start: a New York date or an ISO-8601 date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'End: a New York date (inclusive) or a date-time (exclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Only this user’s rows (`local` in local mode, `cli`)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  user?: string;

  @PageLimitField(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
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
