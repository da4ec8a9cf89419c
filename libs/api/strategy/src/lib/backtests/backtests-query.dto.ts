import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOffsetField } from '@ptp/api/shared';
import { BACKTEST_STATUSES, type BacktestStatus } from '@ptp/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class BacktestsQueryDto {
  @ApiPropertyOptional({ enum: BACKTEST_STATUSES, example: 'completed' })
  @IsOptional()
  @IsIn(BACKTEST_STATUSES)
  status?: BacktestStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @PageOffsetField()
  offset?: number;
}

export class BacktestIdParamDto {
  @ApiProperty({ format: 'uuid', example: '0b6f3c1e-2d4a-4f5b-9c8d-7e6f5a4b3c2d' })
  @IsUUID()
  id!: string;
}
