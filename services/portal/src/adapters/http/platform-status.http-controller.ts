import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PLATFORM_CONFIG } from '@vax/platform';
import type { PortalConfig } from '../../portal.config';
import { PlatformStatusResponse } from './platform-status.responses';

export interface ServiceStatus {
  service: string;
  ready: boolean;
}

/** Whether each service behind the portal is ready, as the status page shows it; no details leak out. */
@ApiTags('status')
@Controller('api/platform-status')
export class PlatformStatusHttpController {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PortalConfig) {}

  @Get()
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'Readiness of every service behind the portal' })
  @ApiOkResponse({ type: PlatformStatusResponse })
  async status(): Promise<{ services: ServiceStatus[] }> {
    const upstreams = {
      identity: this.config.IDENTITY_URL,
      injections: this.config.INJECTIONS_URL,
      complaints: this.config.COMPLAINTS_URL,
      certification: this.config.CERTIFICATION_URL,
      campaign: this.config.CAMPAIGN_URL,
    };
    const services = await Promise.all(
      Object.entries(upstreams).map(async ([service, base]) => ({ service, ready: await isReady(base) })),
    );
    return { services };
  }
}

async function isReady(base: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/health/ready', base), { signal: AbortSignal.timeout(4_000) });
    return res.ok;
  } catch {
    return false;
  }
}
