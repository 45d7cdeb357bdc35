import { ApiProperty } from '@nestjs/swagger';

/** Who is signed in, and the token the page sends with every change. */
export class SessionResponse {
  @ApiProperty({ example: 'citizen' })
  role!: string;
  @ApiProperty({ example: 'person:P000000001' })
  scope!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ description: 'Send it as x-csrf-token with every change' })
  csrfToken!: string;
}

export class CodeSentResponse {
  @ApiProperty({ description: 'The same words whether or not the ID number is registered' })
  sent!: string;
}
