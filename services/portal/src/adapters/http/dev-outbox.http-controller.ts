import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallerActor } from '@vax/platform';
import { UpstreamClient } from '../upstream/upstream.client';
import { NotificationSender } from '../../application/ports/notification-sender.port';
import { DevelopmentOutboxSender } from '../notifications/development-outbox.sender';
import { DevOutboxResponse } from './dev-outbox.responses';

// The portal vouches only for people, never speaks as a service: the outbox page asks in a role of its own.
const OUTBOX_READER: CallerActor = { id: 'dev-outbox-page', role: 'development-outbox', scope: 'development' };

interface OutboxMessage {
  channel: string;
  recipient: string;
  body: string;
  sentAt: string;
}

/**
 * DEVELOPMENT ONLY: what would have been sent — the portal's sign-in codes and the complaints
 * service's messages (a complaint's phone code among them), newest first. Absent (404) when a real
 * gateway sends messages.
 */
@ApiTags('development')
@Controller('api/dev/outbox')
export class DevOutboxHttpController {
  constructor(
    @Inject(NotificationSender) private readonly sender: NotificationSender,
    @Inject(UpstreamClient) private readonly upstream: UpstreamClient,
  ) {}

  @Get()
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'DEVELOPMENT: messages kept instead of sent' })
  @ApiOkResponse({ type: DevOutboxResponse })
  async recent(@Query('phone') phone?: string) {
    if (!(this.sender instanceof DevelopmentOutboxSender)) throw new NotFoundException('no development outbox');
    const [own, complaints] = await Promise.all([this.sender.recent(phone), this.complaintsOutbox(phone)]);
    const messages = [...own, ...complaints].sort((a, b) => b.sentAt.localeCompare(a.sentAt)).slice(0, 50);
    return { development: true, messages };
  }

  /** The complaints service's kept messages; none when it sends for real or does not answer. */
  private async complaintsOutbox(phone?: string): Promise<OutboxMessage[]> {
    const query = phone ? `?${new URLSearchParams({ recipient: phone })}` : '';
    const answer = await this.upstream
      .call('complaints', 'GET', `/development/outbox${query}`, OUTBOX_READER)
      .catch(() => null);
    if (answer?.status !== 200) return [];
    const { messages } = JSON.parse(answer.body.toString('utf8')) as { messages: Omit<OutboxMessage, 'channel'>[] };
    return messages.map((m) => ({ channel: 'sms', ...m }));
  }
}
