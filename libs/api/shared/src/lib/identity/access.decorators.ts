import { SetMetadata } from '@nestjs/common';
import type { Role } from '@ptp/contracts';

export const PUBLIC_ROUTE = 'ptp:public';
export const MIN_ROLE = 'ptp:minRole';
export const ACCOUNT_TARGET = 'ptp:accountTarget';
export const AUDIT_ACTION = 'ptp:auditAction';

/** Anyone may call it, logged in or not (login, liveness). Credentials sent along are still read. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The least role that may call it. Without it, reads (GET) need a viewer and everything else a
 * trader, so a new route is never open by accident.
 */
export const MinRole = (role: Role): MethodDecorator & ClassDecorator =>
  SetMetadata(MIN_ROLE, role);

/**
 * Where the route finds the account it acts on: `request` reads `accountId` from the body, then the
 * query (the default account when neither names one); `param` reads the `:id` route parameter.
 * The guard then refuses a trader who does not own it and a token limited to another account.
 */
export type AccountTarget = 'request' | 'param' | 'principal';
export const ActsOnAccount = (from: AccountTarget = 'request'): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCOUNT_TARGET, from);

/** The audit log's name for what a state-changing route does, e.g. `order.place`. */
export const Audited = (action: string): MethodDecorator => SetMetadata(AUDIT_ACTION, action);
