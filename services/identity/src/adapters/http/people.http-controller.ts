import { Body, Controller, HttpCode, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ActorGuard, problemOrError, RequireRoles } from '@vax/platform';
import { Matches } from 'class-validator';
import { PopulationRegistry } from '../../application/ports/population-registry.port';
import { identityRefusal } from './identity-errors';
import { ContactResponse } from './identity.responses';

export class ContactRequest {
  @ApiProperty({ description: '12-digit CCCD or 9-digit CMND' })
  @Matches(/^(\d{12}|\d{9})$/, { message: 'must be a 12-digit CCCD or 9-digit CMND number' })
  idNumber!: string;
}

/**
 * Where the registry says a citizen can be reached, for the portal to send a sign-in code. Only for
 * the platform's own services (role system); the number is in the body, never in a URL or a log.
 */
@ApiTags('people')
@Controller('people')
@UseGuards(ActorGuard)
export class PeopleHttpController {
  constructor(private readonly registry: PopulationRegistry) {}

  @Post('contact')
  @HttpCode(200)
  @RequireRoles('system')
  @ApiOperation({ summary: "A citizen's person id and phone on record, by ID number (services only)" })
  @ApiOkResponse({ type: ContactResponse })
  async contact(@Body() body: ContactRequest): Promise<{ personId: string; phone: string | null }> {
    const person = await this.registry.findByIdNumber(body.idNumber).catch((error: unknown) => {
      throw problemOrError(error, identityRefusal);
    });
    if (!person) throw new NotFoundException('no person with this ID number in the registry');
    return { personId: person.personId, phone: person.phone ?? null };
  }
}
