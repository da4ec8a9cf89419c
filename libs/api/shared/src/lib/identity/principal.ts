import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@ptp/contracts';
import { ApiError } from '../api-error';

/** Who is calling: set on the request by the authentication guard before any handler runs. */
export interface Principal {
  /** `local`: local mode, nobody logged in and everyone trusted as an admin. */
  readonly kind: 'local' | 'session' | 'token';
  /** Null in local mode. */
  readonly userId: string | null;
  /** The user's name, or `local`. */
  readonly userName: string;
  /** The effective role: a token's role never exceeds its owner's. */
  readonly role: Role;
  readonly tokenId: string | null;
  /** A token limited to one account carries it here. */
  readonly accountId: string | null;
}

export const LOCAL_PRINCIPAL: Principal = {
  kind: 'local',
  userId: null,
  userName: 'local',
  role: 'admin',
  tokenId: null,
  accountId: null,
};

const PRINCIPAL = Symbol('principal');
type WithPrincipal = { [PRINCIPAL]?: Principal };

export function setPrincipal(request: object, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The caller; requests the guard has not seen (static files, middleware errors) count as anonymous. */
export function principalOf(request: object): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}

/** Handler parameter: the authenticated caller (the guard guarantees one on every non-public route). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest<object>());
    if (!principal) throw ApiError.unauthenticated();
    return principal;
  },
);
