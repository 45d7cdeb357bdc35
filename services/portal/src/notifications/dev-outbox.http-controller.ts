import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_SENDER, type NotificationSender } from './notification.port';
import { DevelopmentOutboxSender } from './development-outbox.sender';

/** DEVELOPMENT ONLY: what would have been sent. Absent (404) when a real gateway sends messages. */
@ApiTags('development')
@Controller('api/dev/outbox')
export class DevOutboxHttpController {
  constructor(@Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender) {}

  @Get()
  @ApiOperation({ summary: 'DEVELOPMENT: messages kept instead of sent' })
  async recent(@Query('phone') phone?: string) {
    if (!(this.sender instanceof DevelopmentOutboxSender)) throw new NotFoundException('no development outbox');
    return { development: true, messages: await this.sender.recent(phone) };
  }
}
