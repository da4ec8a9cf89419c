import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AccountQueryDto } from '@ptp/api/shared';

export class CreateAccountDto {
  @ApiProperty({ example: 'Momentum test', minLength: 1, maxLength: 100 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    example: 1000,
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Dollars; the configured starting capital when omitted.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(1)
  @Max(1_000_000_000)
  startingCapital?: number;
}

/** A reset wipes history, so the body must say so explicitly. */
export class ConfirmDto {
  @ApiProperty({ example: true, description: 'Must be true.' })
  @Equals(true, {
    message:
      'confirm must be true: a reset deletes every fill, order, position and snapshot of the account',
  })
  confirm!: true;
}

/** POST /api/portfolio/reset: `{"confirm": true}`, optionally with the account. */
export class ResetPortfolioDto extends IntersectionType(AccountQueryDto, ConfirmDto) {}
