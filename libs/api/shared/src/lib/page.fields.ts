import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional `limit` query parameter: 1–1000 items. */
export function PageLimitField(defaultValue: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 1000, default: defaultValue, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(1000),
  );
}

/** An optional `offset` query parameter: how many items to skip (0 by default). */
export function PageOffsetField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(1_000_000_000),
  );
}
