import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@ptp/api/shared';
import { alpacaError } from './alpaca-error.filter';
import { percentToFraction } from './alpaca-values';

describe('percentToFraction', () => {
  it.each([
    ['5', '0.05'],
    ['0.6336', '0.006336'],
    ['-12.5', '-0.125'],
    ['100', '1'],
    ['0', '0'],
    ['-0', '0'],
    ['250.1', '2.501'],
  ])('%s %% is %s', (percent, fraction) => {
    expect(percentToFraction(percent)).toBe(fraction);
  });
});

describe('alpacaError', () => {
  it('puts our code before the message and uses Alpaca’s status and numeric code', () => {
    const risk = ApiError.riskRejection('RISK_MAX_POSITION', 'too big', 50, 73);
    expect(alpacaError(risk)).toEqual({
      status: 422,
      body: { code: 42210000, message: 'RISK_MAX_POSITION: too big' },
    });
  });

  it('reports insufficient buying power as 403, bad requests and conflicts as 422', () => {
    const cash = ApiError.unprocessable('INSUFFICIENT_CASH', 'needs 10');
    expect(alpacaError(cash).status).toBe(HttpStatus.FORBIDDEN);
    expect(alpacaError(cash).body.code).toBe(40310000);
    expect(alpacaError(ApiError.badRequest('VALIDATION_FAILED', 'bad', ['qty'])).body).toEqual({
      code: 42210000,
      message: 'VALIDATION_FAILED: bad qty',
    });
    expect(alpacaError(ApiError.conflict('DUPLICATE_CLIENT_ORDER_ID', 'used')).status).toBe(422);
    expect(alpacaError(ApiError.unauthenticated('who?')).body).toEqual({
      code: 40110000,
      message: 'UNAUTHENTICATED: who?',
    });
  });
});
