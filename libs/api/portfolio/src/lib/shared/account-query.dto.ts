export { ACCOUNT_ID_PATTERN, AccountQueryDto, accountIdOf } from '@ptp/api/shared';
