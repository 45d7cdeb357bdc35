import { Controller, Get, Inject, NotFoundException, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, RequireRoles } from '@vax/platform';
import { DevelopmentNotificationOutbox } from '../postgres/development-notifications.adapter';
import { DevelopmentOutboxResponse } from './development-outbox.response';

/** Set only when NOTIFICATIONS is `development`: the outbox messages are kept in instead of sent. */
export const DEVELOPMENT_OUTBOX = Symbol('DEVELOPMENT_OUTBOX');
/** The role the portal's development outbox page asks with (the portal may not speak as a service). */
export const DEVELOPMENT_ROLE = 'development-outbox';

/**
 * DEVELOPMENT ONLY: the phone messages kept instead of sent (the complaint codes among them), for
 * the portal's development outbox page; the portal asks in the development-outbox role. 404 when messages are
 * really sent.
 */
@ApiTags('development')
@Controller('development/outbox')
@UseGuards(ActorGuard)
@RequireRoles(DEVELOPMENT_ROLE)
export class DevelopmentOutboxHttpController {
  constructor(@Inject(DEVELOPMENT_OUTBOX) private readonly outbox: DevelopmentNotificationOutbox | null) {}

  @Get()
  @ApiOperation({ summary: 'DEVELOPMENT: phone messages kept instead of sent, newest first (at most 50)' })
  @ApiOkResponse({ type: DevelopmentOutboxResponse, description: 'The messages kept' })
  async recent(@Query('recipient') recipient?: string) {
    if (!this.outbox) throw new NotFoundException('no development outbox');
    return { messages: await this.outbox.recentToPhones(recipient) };
  }
}
