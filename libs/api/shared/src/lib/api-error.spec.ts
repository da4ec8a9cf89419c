import { HttpStatus } from '@nestjs/common';
import { ApiError, RiskRejectionApiError } from './api-error';

describe('ApiError', () => {
  it.each([
    ['notFound', HttpStatus.NOT_FOUND],
    ['conflict', HttpStatus.CONFLICT],
    ['badRequest', HttpStatus.BAD_REQUEST],
    ['unprocessable', HttpStatus.UNPROCESSABLE_ENTITY],
  ] as const)('%s answers %i with the code, message and details', (factory, status) => {
    const error = ApiError[factory]('SOME_CODE', 'Something went wrong.', { id: 'a' });
    expect(error.getStatus()).toBe(status);
    expect(error.code).toBe('SOME_CODE');
    expect(error.message).toBe('Something went wrong.');
    expect(error.getResponse()).toEqual({
      code: 'SOME_CODE',
      message: 'Something went wrong.',
      details: { id: 'a' },
    });
  });

  it('riskRejection answers 422 and repeats the rule, limit and requested amount in the details', () => {
    const error = ApiError.riskRejection('RISK_MAX_POSITION', 'Too large.', 50, 73.1, {
      orderId: 'o1',
    });
    expect(error).toBeInstanceOf(RiskRejectionApiError);
    expect(error.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(error).toMatchObject({ limit: 50, requested: 73.1 });
    expect(error.details).toEqual({
      rule: 'RISK_MAX_POSITION',
      limit: 50,
      requested: 73.1,
      orderId: 'o1',
    });
  });
});
