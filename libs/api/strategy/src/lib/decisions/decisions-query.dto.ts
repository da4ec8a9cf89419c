import { ApiPropertyOptional } from '@nestjs/swagger';
import { TradesQueryDto } from '@ptp/api/portfolio';
import { DECISION_RISK_OUTCOMES, type DecisionRiskOutcome } from '@ptp/contracts';
import { IsIn, IsOptional } from 'class-validator';

/** The trade history's filters and paging (accountId, symbol, from/to, limit/offset) plus the risk outcome. */
export class DecisionsQueryDto extends TradesQueryDto {
  @ApiPropertyOptional({ enum: DECISION_RISK_OUTCOMES, example: 'rejected' })
  @IsOptional()
  @IsIn(DECISION_RISK_OUTCOMES)
  outcome?: DecisionRiskOutcome;
}
