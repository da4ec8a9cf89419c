import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_TYPES, type ActivityType } from '@ptp/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { TradesQueryDto } from '../trades/trades-query.dto';

/** The trade history's filters and paging plus the kinds of activity (`?type=split,dividend`). */
export class ActivitiesQueryDto extends TradesQueryDto {
  @ApiPropertyOptional({
    description: `Activity types, comma-separated (${ACTIVITY_TYPES.join(', ')}); every type when omitted.`,
    example: 'split,dividend',
    type: String,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(ACTIVITY_TYPES, {
    each: true,
    message: `type must be a comma-separated list of ${ACTIVITY_TYPES.join(', ')}`,
  })
  type?: ActivityType[];
}
