import { useOrdersApp } from './orders.helpers';

describe('refused orders and the order API contract (real HTTP, real SQLite file, simulated market at 600×)', () => {
  const { http, place, portfolio } = useOrdersApp();

  it('answers a risk rejection with 422, the rule and its numbers, and keeps the rejected order', async () => {
    const account = (
      await http()
        .post('/api/accounts')
        .send({ name: 'risk probe', startingCapital: 500 })
        .expect(201)
    ).body.data;
    const res = await place({
      accountId: account.id,
      symbol: 'AAPL',
      side: 'buy',
      type: 'market',
      notional: 73.1,
    }).expect(422);
    expect(res.body.status).toBe('error');
    expect(res.body.error).toMatchObject({ code: 'RISK_MAX_POSITION', limit: 50 });
    expect(res.body.error.requested).toBeCloseTo(73.1, 6);
    expect(res.body.error.details).toMatchObject({ rule: 'RISK_MAX_POSITION', limit: 50 });
    const rejected = (
      await http()
        .get('/api/orders')
        .query({ accountId: account.id, status: 'rejected' })
        .expect(200)
    ).body.data;
    expect(rejected).toHaveLength(1);
    const book = (await http().get('/api/portfolio').query({ accountId: account.id }).expect(200))
      .body.data;
    expect(book).toMatchObject({ cash: '500.00', positions: [] });

    const cash = await place({
      accountId: account.id,
      symbol: 'AAPL',
      side: 'sell',
      type: 'market',
      quantity: 1,
    }).expect(422);
    expect(cash.body.error).toMatchObject({ code: 'NO_SHORT_POSITIONS', limit: 0, requested: 1 });
  });

  it('answers bad input with 4xx and changes nothing', async () => {
    const before = {
      orders: (await http().get('/api/orders').expect(200)).body.data.length,
      portfolio: await portfolio(),
    };
    const bad: [object, number][] = [
      [{ symbol: 'AAPL', side: 'buy', type: 'market' }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: -1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1e12 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 'NaN' }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, notional: 5 }, 400],
      [{ symbol: 'aapl!', side: 'buy', type: 'market', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'hold', type: 'market', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'limit', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, leverage: 10 }, 400],
      [{ symbol: 'AAPL', side: 'sell', type: 'market', quantity: 1, takeProfit: 500 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, accountId: 'nobody' }, 404],
    ];
    for (const [body, status] of bad) {
      const res = await place(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    const huge = await http()
      .post('/api/orders')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ symbol: 'AAPL', pad: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    await http().delete('/api/orders/..%2F..').expect(400);
    expect((await http().get('/api/orders').expect(200)).body.data.length).toBe(before.orders);
    expect((await portfolio()).cash).toBe(before.portfolio.cash);
  });

  it('documents the order endpoints in OpenAPI with the DTO, examples and the error codes', async () => {
    const spec = (await http().get('/api/openapi.json').expect(200)).body;
    const place = spec.paths['/api/orders'].post;
    expect(place.requestBody.content['application/json'].schema.$ref).toMatch(/PlaceOrderDto$/);
    expect(
      place.responses['201'].content['application/json'].schema.properties.data.example,
    ).toMatchObject({ id: expect.any(String), status: 'accepted' });
    expect(place.responses['422'].description).toContain('RISK_MAX_POSITION');
    expect(spec.components.schemas.PlaceOrderDto.properties.quantity).toMatchObject({
      example: expect.any(Number),
      maximum: expect.any(Number),
    });
    expect(Object.keys(spec.paths['/api/orders/{id}'])).toEqual(
      expect.arrayContaining(['get', 'delete']),
    );
    expect(spec.paths['/api/orders'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'accountId', 'limit']),
    );
  });
});
