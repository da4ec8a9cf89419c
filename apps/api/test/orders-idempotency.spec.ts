import { useOrdersApp } from './orders.helpers';

describe('idempotent orders with clientOrderId (real HTTP, real SQLite file, simulated market at 600×)', () => {
  const { http, price, place, trades, newAccount } = useOrdersApp();

  const orders = async (accountId: string, query: object = {}) =>
    (
      await http()
        .get('/api/orders')
        .query({ accountId, ...query })
        .expect(200)
    ).body.data as { id: string; status: string; clientOrderId: string | null }[];

  const buy = (accountId: string, clientOrderId: string, quantity = 0.1) => ({
    accountId,
    clientOrderId,
    symbol: 'AAPL',
    side: 'buy',
    type: 'market',
    quantity,
  });

  it('answers a retry of the same order with the original (200) and places nothing', async () => {
    const accountId = await newAccount('idempotent retry');
    const first = await place(buy(accountId, 'retry-1')).expect(201);
    expect(first.body.data).toMatchObject({ status: 'filled', clientOrderId: 'retry-1' });
    const again = await place(buy(accountId, 'retry-1')).expect(200);
    expect(again.body.status).toBe('success');
    expect(again.body.data).toEqual(first.body.data);
    // Spelling out the default time in force is still the same order.
    const spelled = await place({ ...buy(accountId, 'retry-1'), timeInForce: 'gtc' }).expect(200);
    expect(spelled.body.data.id).toBe(first.body.data.id);
    expect((await orders(accountId)).map((o) => o.id)).toEqual([first.body.data.id]);
    expect((await trades(accountId)).map((t) => t.orderId)).toEqual([first.body.data.id]);
  });

  it('refuses the same id with a different order (409) and changes nothing', async () => {
    const accountId = await newAccount('idempotent conflict');
    const first = (await place(buy(accountId, 'retry-2')).expect(201)).body.data;
    const res = await place(buy(accountId, 'retry-2', 0.2)).expect(409);
    expect(res.body.status).toBe('error');
    expect(res.body.error).toMatchObject({
      code: 'DUPLICATE_CLIENT_ORDER_ID',
      details: { orderId: first.id, clientOrderId: 'retry-2' },
    });
    expect(await orders(accountId)).toEqual([expect.objectContaining({ id: first.id })]);
    expect(await trades(accountId)).toEqual([
      expect.objectContaining({ orderId: first.id, quantity: '0.1' }),
    ]);
  });

  it('keeps ids apart per account', async () => {
    const one = await newAccount('idempotent one');
    const two = await newAccount('idempotent two');
    const a = (await place(buy(one, 'shared-id')).expect(201)).body.data;
    const b = (await place(buy(two, 'shared-id')).expect(201)).body.data;
    expect(a.id).not.toBe(b.id);
    expect(await orders(one)).toHaveLength(1);
    expect(await orders(two)).toHaveLength(1);
  });

  it('places one order for two concurrent requests with the same id', async () => {
    const accountId = await newAccount('idempotent race');
    const answers = await Promise.all([
      place(buy(accountId, 'race-1')),
      place(buy(accountId, 'race-1')),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.data.id).toBe(answers[1].body.data.id);
    expect(await orders(accountId)).toHaveLength(1);
    expect(await trades(accountId)).toHaveLength(1);
  });

  it('validates the id (400) and places nothing', async () => {
    const accountId = await newAccount('idempotent validation');
    for (const clientOrderId of ['', 'x'.repeat(129), 'has space', 'slash/no', 42]) {
      const res = await place({ ...buy(accountId, 'x'), clientOrderId }).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    await place(buy(accountId, 'A-z_0.9:ok')).expect(201);
    await place(buy(accountId, 'y'.repeat(128))).expect(201);
    expect(await orders(accountId)).toHaveLength(2);
    await http().get('/api/orders').query({ accountId, clientOrderId: 'no space' }).expect(400);
  });

  it('finds an order by clientOrderId, on the default account when none is named', async () => {
    const other = await newAccount('idempotent lookup');
    const placed = (await place({ ...buy(other, 'lookup-1'), accountId: undefined }).expect(201))
      .body.data;
    expect(placed.accountId).toBe('default');
    const found = (await http().get('/api/orders').query({ clientOrderId: 'lookup-1' }).expect(200))
      .body.data;
    expect(found).toEqual([expect.objectContaining({ id: placed.id, clientOrderId: 'lookup-1' })]);
    expect(await orders(other, { clientOrderId: 'lookup-1' })).toEqual([]);
    await place(buy(other, 'lookup-2')).expect(201);
    expect(
      (await orders(other, { clientOrderId: 'lookup-2' })).map((o) => o.clientOrderId),
    ).toEqual(['lookup-2']);
  });

  it('keeps the id on an order the engine changes later (a resting order canceled)', async () => {
    const accountId = await newAccount('idempotent resting');
    const limitPrice = Math.floor((await price('AAPL')) / 2);
    const order = { ...buy(accountId, 'resting-1'), type: 'limit', limitPrice };
    const placed = (await place(order).expect(201)).body.data;
    expect(placed.status).toBe('accepted');
    await http().delete(`/api/orders/${placed.id}`).query({ accountId }).expect(200);
    expect(await orders(accountId, { clientOrderId: 'resting-1' })).toEqual([
      expect.objectContaining({ id: placed.id, status: 'canceled', clientOrderId: 'resting-1' }),
    ]);
    const again = await place(order).expect(200);
    expect(again.body.data).toMatchObject({ id: placed.id, status: 'canceled' });
    expect(await orders(accountId)).toHaveLength(1);
  });

  it('answers a retry of a rejected order with the rejected order (200) and places nothing', async () => {
    const accountId = await newAccount('idempotent rejection');
    const order = { ...buy(accountId, 'too-big'), quantity: undefined, notional: 73.1 };
    const refused = await place(order).expect(422);
    expect(refused.body.error.code).toBe('RISK_MAX_POSITION');
    const again = await place(order).expect(200);
    expect(again.body.data).toMatchObject({
      id: refused.body.error.details.orderId,
      status: 'rejected',
      clientOrderId: 'too-big',
    });
    expect(await orders(accountId)).toHaveLength(1);
    expect(await trades(accountId)).toEqual([]);
  });

  it('documents clientOrderId, the 200 on a retry and the 409 in OpenAPI', async () => {
    const spec = (await http().get('/api/openapi.json').expect(200)).body;
    const post = spec.paths['/api/orders'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '409']));
    expect(post.responses['409'].description).toContain('DUPLICATE_CLIENT_ORDER_ID');
    expect(spec.components.schemas.PlaceOrderDto.properties.clientOrderId).toMatchObject({
      maxLength: 128,
      pattern: expect.any(String),
    });
    expect(spec.paths['/api/orders'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'clientOrderId',
    );
  });
});
