import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CertificationResponse } from '@vax/contracts/certification/http-v1.responses';
import { PersonReadResponse } from '@vax/platform';

// The portal's own bodies on the citizen's routes: what it builds from the services' answers (their
// parts are the services' contracts, never copies).

/** "Who looked at my data": the three services' logs merged, one cursor over all of them. */
export class MyReadsResponse {
  @ApiProperty({ type: [PersonReadResponse], description: 'A page of them, newest first within the page' })
  reads!: PersonReadResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/** The certification service's answer, with the QR image added when there is a valid certificate. */
export class MyCertificateResponse extends CertificationResponse {
  @ApiPropertyOptional({ description: "The certificate's QR as a data: URL (PNG), when it has one" })
  qrImage?: string;
}
