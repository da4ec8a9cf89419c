import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { AccountQueryDto } from '@ptp/api/shared';

export class ChartDataQueryDto extends AccountQueryDto {
  @ApiPropertyOptional({
    description: '`asOf` of a previous answer: only what was recorded after it is returned.',
    example: 1767625380000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  since?: number;
}
