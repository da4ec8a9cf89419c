import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { AccountQueryDto } from './account-query.dto';

/** `?from=&to=`: dates are New York trading days (`to` inclusive); date-times are exact instants. */
export class RangeQueryDto extends AccountQueryDto {
  @ApiPropertyOptional({
    description: 'Start: a New York date or an ISO-8601 date-time.',
    example: '2026-01-05',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'End: a New York date (inclusive) or an ISO-8601 date-time (exclusive).',
    example: '2026-01-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
