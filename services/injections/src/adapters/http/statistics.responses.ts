import { ApiProperty } from '@nestjs/swagger';

// The JSON bodies of the statistics routes (each also answers CSV with format=csv).

export class DoseCountRow {
  @ApiProperty({ description: 'The group: a day, a site, a commune, a district, a vaccine or a dose number' })
  key!: string;
  @ApiProperty({ type: 'integer' })
  doses!: number;
}

export class DoseStatisticsResponse {
  @ApiProperty()
  groupBy!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ type: [DoseCountRow] })
  rows!: DoseCountRow[];
}

export class CoverageRowResponse {
  @ApiProperty()
  district!: string;
  @ApiProperty({ example: '18-49' })
  ageGroup!: string;
  @ApiProperty({ type: 'integer' })
  population!: number;
  @ApiProperty({ type: 'integer' })
  atLeastOneDose!: number;
  @ApiProperty({ type: 'integer' })
  primarySeries!: number;
  @ApiProperty({ type: 'integer' })
  booster!: number;
  @ApiProperty({ type: 'number', nullable: true, description: '0..1; null without a population to divide by' })
  oneDoseShare!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: '0..1; null without a population to divide by' })
  primarySeriesShare!: number | null;
}

export class CoverageResponse {
  @ApiProperty({ type: 'integer', description: 'The year ages are reached in' })
  year!: number;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: "When the registry's census was taken",
  })
  populationCountedAt!: string | null;
  @ApiProperty({ type: [CoverageRowResponse] })
  rows!: CoverageRowResponse[];
}

export class ShareRowResponse {
  @ApiProperty()
  key!: string;
  @ApiProperty({ type: 'integer' })
  doses!: number;
  @ApiProperty({ type: 'integer' })
  verified!: number;
  @ApiProperty({ type: 'integer' })
  attested!: number;
  @ApiProperty({ type: 'number', description: '0..1' })
  verifiedShare!: number;
  @ApiProperty({ type: 'number', description: '0..1' })
  attestedShare!: number;
}

export class VerificationShareResponse {
  @ApiProperty()
  groupBy!: string;
  @ApiProperty({ type: [ShareRowResponse] })
  rows!: ShareRowResponse[];
}
