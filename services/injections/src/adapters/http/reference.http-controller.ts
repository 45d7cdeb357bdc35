import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard } from '@vax/platform';
import { loadReferenceData } from '../../reference/reference-data';
import { ReferenceResponse } from '@vax/contracts/injections/http-v1.responses';

/** The vaccine catalogue and the sites, for the forms that record and correct doses. */
@ApiTags('reference')
@Controller('reference')
@UseGuards(ActorGuard)
export class ReferenceHttpController {
  private readonly reference = loadReferenceData();

  @Get()
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'Vaccines (with primary-series doses and intervals) and vaccination sites' })
  @ApiOkResponse({ type: ReferenceResponse })
  all() {
    return {
      vaccines: [...this.reference.catalogue.values()],
      sites: [...this.reference.sites.values()],
      boosterMinIntervalDays: this.reference.boosterMinIntervalDays,
    };
  }
}
