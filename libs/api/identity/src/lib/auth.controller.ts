import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiEnvelopeResponse,
  ApiError,
  ApiErrorResponses,
  Audited,
  principalOf,
  Public,
} from '@ptp/api/shared';
import type { AuthMe, Role } from '@ptp/contracts';
import type { Request, Response } from 'express';
import { LoginDto } from './auth.dto';
import { AuthModeService } from './auth-mode.service';
import { sessionExpiryOf } from './guard/identify.guard';
import { clientIp, SESSION_COOKIE, sessionSecret } from './guard/request-credentials';
import { LoginAttemptsService, LoginThrottledError } from './sessions/login-attempts.service';
import { LoginSessionsService } from './sessions/login-sessions.service';

const EXAMPLE_ME: AuthMe = {
  mode: 'required',
  user: { name: 'alice', role: 'trader' },
  role: 'trader',
  expiresAt: '2026-01-05T03:00:00.000Z',
};

@ApiTags('auth')
@Controller('api/auth')
@Public()
export class AuthController {
  constructor(
    private readonly mode: AuthModeService,
    private readonly attempts: LoginAttemptsService,
    private readonly sessions: LoginSessionsService,
  ) {}

  @Get('me')
  @ApiOperation({
    summary: 'Who is calling: the mode (local or required), the user and role, the login’s expiry',
  })
  @ApiEnvelopeResponse('The caller', EXAMPLE_ME)
  async me(@Req() request: Request): Promise<AuthMe> {
    const principal = principalOf(request);
    const expiresAt = sessionExpiryOf(request);
    return {
      mode: await this.mode.state(),
      user:
        principal && principal.kind !== 'local'
          ? { name: principal.userName, role: principal.role }
          : null,
      role: principal?.role ?? null,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    };
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Audited('auth.login')
  @ApiOperation({
    summary: 'Log in: sets the httpOnly, SameSite=Strict session cookie (Secure over https)',
    description:
      'A failed login answers 401 `INVALID_CREDENTIALS` ("invalid credentials"), whatever was wrong. ' +
      'Failures are throttled per user and per client with a doubling wait: 429 `TOO_MANY_LOGIN_ATTEMPTS` with Retry-After.',
  })
  @ApiEnvelopeResponse('The logged-in caller', EXAMPLE_ME)
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    401: ['INVALID_CREDENTIALS'],
    429: ['TOO_MANY_LOGIN_ATTEMPTS'],
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthMe> {
    const user = await this.attempts
      .verify(body.username, body.password, clientIp(request))
      .catch((error: unknown) => {
        if (error instanceof LoginThrottledError)
          response.setHeader('Retry-After', String(error.retryAfterSec));
        throw error;
      });
    const previous = sessionSecret(request);
    if (previous) await this.sessions.end(previous);
    const { secret, expiresAt } = await this.sessions.start(user, clientIp(request));
    response.cookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      expires: new Date(expiresAt),
    });
    const role = user.role as Role;
    return {
      mode: 'required',
      user: { name: user.name, role },
      role,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @Audited('auth.logout')
  @ApiOperation({ summary: 'Log out: ends the session server-side and clears the cookie' })
  @ApiEnvelopeResponse('Logged out', { loggedOut: true })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ loggedOut: boolean }> {
    const secret = sessionSecret(request);
    if (!secret) throw ApiError.unauthenticated('Nobody is logged in on this browser.');
    await this.sessions.end(secret);
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
    return { loggedOut: true };
  }
}
