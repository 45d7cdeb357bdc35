import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtension,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type CallerActor, ProblemException, ProblemResponse } from '@vax/platform';
import type { Request, Response } from 'express';
import { PORTAL_COOKIE_SECURE } from './tokens';
import { CurrentSession, SESSION_COOKIE, SessionGuard } from './session.guard';
import { CodeSentResponse, SessionResponse } from './session.responses';
import { type Session, Sessions } from '../../application/ports/sessions.port';
import { CitizenSignInRequest, SendCodeRequest, StaffSignInRequest } from './sign-in.request-dto';
import { SignInRefused, SignInService } from '../../application/sign-in.service';

/** Signing in and out. The session lives in an HTTP-only cookie; the page reads its CSRF token from /api/session. */
@ApiTags('session')
@Controller('api')
export class SignInHttpController {
  constructor(
    @Inject(SignInService) private readonly signIn: SignInService,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(PORTAL_COOKIE_SECURE) private readonly secureCookie: boolean,
  ) {}

  @Post('auth/citizen/codes')
  @ApiExtension('x-public', true)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a one-time sign-in code to the phone on record for this ID number' })
  @ApiAcceptedResponse({ type: CodeSentResponse })
  async sendCode(@Body() body: SendCodeRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await refusedAsProblem(res, () => this.signIn.sendCode(body.idNumber, clientOf(req)));
    // The same answer whether or not the number is registered: the code itself is the only proof.
    return { sent: 'to the phone on record, if this ID number has one' };
  }

  @Post('auth/citizen/session')
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'Sign a citizen in with their ID number and the code sent to their phone' })
  @ApiCreatedResponse({ type: SessionResponse, description: 'Signed in: the session cookie is set' })
  @ProblemResponse(401, 'The code is wrong or spent, or no code was sent for this ID number')
  async citizen(@Body() body: CitizenSignInRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const who = await refusedAsProblem(res, () => this.signIn.citizen(body.idNumber, body.code, clientOf(req)));
    return this.start(who.actor, who.displayName, res);
  }

  @Post('auth/staff/session')
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'Sign staff or a manager in with their account' })
  @ApiCreatedResponse({ type: SessionResponse, description: 'Signed in: the session cookie is set' })
  @ProblemResponse(401, 'Wrong username or password (an unknown username is answered alike)')
  async staff(@Body() body: StaffSignInRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const who = await refusedAsProblem(res, () => this.signIn.staff(body.username, body.password, clientOf(req)));
    return this.start(who.actor, who.displayName, res);
  }

  @Get('session')
  @UseGuards(SessionGuard)
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token to send with changes' })
  @ApiOkResponse({ type: SessionResponse })
  current(@CurrentSession() session: Session) {
    return view(session);
  }

  @Delete('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(SessionGuard)
  @ApiOperation({ summary: 'Sign out' })
  @ApiNoContentResponse({ description: 'Signed out: the session is ended and its cookie cleared' })
  async signOut(@Req() req: Request & { cookies?: Record<string, string> }, @Res({ passthrough: true }) res: Response) {
    await this.sessions.destroy(req.cookies![SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secureCookie });
  }

  private async start(actor: CallerActor, displayName: string, res: Response) {
    const { id, session } = await this.sessions.create(actor, displayName);
    res.cookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secureCookie });
    res.status(HttpStatus.CREATED);
    return view(session);
  }
}

const view = (s: Session) => ({
  role: s.actor.role,
  scope: s.actor.scope,
  displayName: s.displayName,
  csrfToken: s.csrfToken,
});

/** The client as the portal sees it (behind a proxy, Express's trust-proxy setting decides which address). */
const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

async function refusedAsProblem<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const limited = ['too-many-codes', 'too-many-attempts', 'locked'].includes(error.reason);
    if (error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
    const detail = error.retryAfterSeconds !== undefined ? `try again in ${error.retryAfterSeconds} s` : undefined;
    throw new ProblemException(
      limited ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
      `sign-in-${error.reason}`,
      'Sign-in refused',
      detail,
    );
  }
}
