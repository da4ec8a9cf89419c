import request from 'supertest';
import { FAST_MARKET } from './paper-trading.helpers';
import { useTestApp } from './test-app';

export interface OrderView {
  id: string;
  status: string;
  type: string;
  side: string;
  quantity: string | null;
  filledQuantity: string;
  avgFillPrice: string | null;
  parentId: string | null;
  reason: string | null;
}

/**
 * The API on a simulated market at 600× (unless `env` says otherwise) for the `describe` this is
 * called in (started and removed by its hooks), with the order, portfolio and trade calls the order
 * specs make over real HTTP.
 */
export function useOrdersApp(env: NodeJS.ProcessEnv = FAST_MARKET) {
  const app = useTestApp(env);
  const http = () => request(app().app.getHttpServer());
  const price = async (symbol: string): Promise<number> =>
    (await http().get('/api/market/quotes').query({ symbols: symbol }).expect(200)).body.data[0]
      .price;
  const place = (body: object) => http().post('/api/orders').send(body);
  const order = async (id: string): Promise<OrderView> =>
    (await http().get(`/api/orders/${id}`).expect(200)).body.data;
  /** The default account unless one is named; each `it` that trades names an account of its own. */
  const portfolio = async (accountId?: string) =>
    (
      await http()
        .get('/api/portfolio')
        .query(accountId ? { accountId } : {})
        .expect(200)
    ).body.data;
  const trades = async (accountId: string) =>
    (await http().get('/api/trades').query({ accountId, limit: 1000 }).expect(200)).body.data
      .items as { orderId: string; quantity: string; side: string }[];
  /** A fresh $500 account, so an `it` sees only the orders, fills and positions it made itself. */
  const newAccount = async (name: string): Promise<string> =>
    (await http().post('/api/accounts').send({ name, startingCapital: 500 }).expect(201)).body.data
      .id;
  return { http, price, place, order, portfolio, trades, newAccount };
}
