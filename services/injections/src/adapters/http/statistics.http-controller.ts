import { Controller, Get, Header, HttpStatus, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  type FiguresWithin,
  ProblemException,
  RequireRoles,
  csvDocument,
  JsonOrCsvResponse,
  figuresWithin,
  vietnamToday,
} from '@vax/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateRangeOrdered, IsCalendarDate } from '@vax/platform';
import { CoverageQuery } from '../postgres/coverage.query';
import { SHARE_DIMENSIONS, type ShareDimension, VerificationShareQuery } from '../postgres/verification-share.query';
import type { Response } from 'express';
import {
  CoverageResponse,
  DoseStatisticsResponse,
  VerificationShareResponse,
} from '@vax/contracts/injections/http-v1.responses';
import {
  DoseStatisticsQuery,
  STATISTICS_DIMENSIONS,
  type StatisticsDimension,
} from '../postgres/dose-statistics.query';

export class DoseStatisticsRequest {
  @ApiProperty({ enum: STATISTICS_DIMENSIONS }) @IsIn(STATISTICS_DIMENSIONS) groupBy!: StatisticsDimension;
  @ApiProperty({ example: '2021-11-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2021-11-30' }) @IsCalendarDate() @DateRangeOrdered('from') to!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class CoverageRequest {
  @ApiPropertyOptional({ description: 'The year ages are reached in; this year by default', example: 2021 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class ShareRequest {
  @ApiProperty({ enum: SHARE_DIMENSIONS }) @IsIn(SHARE_DIMENSIONS) groupBy!: ShareDimension;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

@ApiTags('statistics')
@Controller('statistics')
@UseGuards(ActorGuard)
export class StatisticsHttpController {
  constructor(
    @Inject(DoseStatisticsQuery) private readonly statistics: DoseStatisticsQuery,
    @Inject(CoverageQuery) private readonly coverage: CoverageQuery,
    @Inject(VerificationShareQuery) private readonly share: VerificationShareQuery,
  ) {}

  @Get('doses')
  @RequireRoles('manager', 'site-staff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Doses from the platform records, by day, site, commune, district, vaccine or dose number; JSON or CSV',
  })
  @JsonOrCsvResponse(DoseStatisticsResponse)
  async doses(
    @Query() q: DoseStatisticsRequest,
    @Caller() actor: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rows = await this.statistics.grouped(q.groupBy, q.from, q.to, within(actor));
    if (q.format !== 'csv') return { groupBy: q.groupBy, from: q.from, to: q.to, rows };
    res.type('text/csv; charset=utf-8').attachment(`doses-by-${q.groupBy}-${q.from}-${q.to}.csv`);
    return csvDocument(
      [q.groupBy, 'doses'],
      rows.map((r) => [r.key, r.doses]),
    );
  }

  @Get('coverage')
  @RequireRoles('manager')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Coverage by district and age group against the registry's population; JSON or CSV" })
  @JsonOrCsvResponse(CoverageResponse)
  async coverageByDistrictAndAge(
    @Query() q: CoverageRequest,
    @Caller() actor: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const year = q.year ?? Number(vietnamToday(new Date()).slice(0, 4));
    const { countedAt, rows } = await this.coverage.byDistrictAndAge(year, within(actor).district ?? null);
    if (q.format !== 'csv') return { year, populationCountedAt: countedAt, rows };
    res.type('text/csv; charset=utf-8').attachment(`coverage-${year}.csv`);
    const share = (v: number | null) => (v === null ? '' : v.toFixed(4));
    return csvDocument(
      [
        'district',
        'ageGroup',
        'population',
        'atLeastOneDose',
        'primarySeries',
        'booster',
        'oneDoseShare',
        'primarySeriesShare',
      ],
      rows.map((r) => [
        r.district,
        r.ageGroup,
        r.population,
        r.atLeastOneDose,
        r.primarySeries,
        r.booster,
        share(r.oneDoseShare),
        share(r.primarySeriesShare),
      ]),
    );
  }

  @Get('verification-share')
  @RequireRoles('manager')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Share of doses identity-verified and attested, by site, commune or district; JSON or CSV' })
  @JsonOrCsvResponse(VerificationShareResponse)
  async verificationShare(
    @Query() q: ShareRequest,
    @Caller() actor: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rows = await this.share.grouped(q.groupBy, within(actor));
    if (q.format !== 'csv') return { groupBy: q.groupBy, rows };
    res.type('text/csv; charset=utf-8').attachment(`verification-share-by-${q.groupBy}.csv`);
    return csvDocument(
      [q.groupBy, 'doses', 'verified', 'attested', 'verifiedShare', 'attestedShare'],
      rows.map((r) => [r.key, r.doses, r.verified, r.attested, r.verifiedShare.toFixed(4), r.attestedShare.toFixed(4)]),
    );
  }
}

/** Figures are cut to the reader's unit (libs/platform scope model): a district manager sees their district. */
function within(actor: CallerActor): FiguresWithin {
  const part = figuresWithin(actor);
  if (!part) {
    throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', 'no figures for this scope');
  }
  return part;
}
