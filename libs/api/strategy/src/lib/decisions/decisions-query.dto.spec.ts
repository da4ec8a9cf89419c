import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DecisionsQueryDto } from './decisions-query.dto';

/** The properties that fail validation when the query string is parsed into the DTO. */
function invalidFields(query: Record<string, string>): string[] {
  return validateSync(plainToInstance(DecisionsQueryDto, query)).map((error) => error.property);
}

describe('DecisionsQueryDto', () => {
  it.each(['approved', 'rejected', 'none'])('accepts the risk outcome %s', (outcome) => {
    expect(invalidFields({ outcome })).toEqual([]);
  });

  it('refuses an outcome the trading core never records', () => {
    expect(invalidFields({ outcome: 'maybe' })).toEqual(['outcome']);
  });

  it('keeps the trade history filters and paging', () => {
    expect(invalidFields({ outcome: 'none', limit: '10', offset: '20' })).toEqual([]);
    expect(invalidFields({ offset: '-1' })).toEqual(['offset']);
  });

  it('parses paging numbers from the query string', () => {
    const query = plainToInstance(DecisionsQueryDto, { limit: '10', offset: '20' });
    expect(query).toMatchObject({ limit: 10, offset: 20 });
  });
});
