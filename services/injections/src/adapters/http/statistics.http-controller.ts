import { Controller, Get, Header, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ActorGuard, RequireRoles } from '@vax/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import {
  DoseStatisticsQuery,
  STATISTICS_DIMENSIONS,
  type StatisticsDimension,
  toCsv,
} from '../../application/dose-statistics.query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DoseStatisticsRequest {
  @ApiProperty({ enum: STATISTICS_DIMENSIONS }) @IsIn(STATISTICS_DIMENSIONS) groupBy!: StatisticsDimension;
  @ApiProperty({ example: '2021-11-01' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2021-11-30' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

@ApiTags('statistics')
@Controller('statistics')
@UseGuards(ActorGuard)
export class StatisticsHttpController {
  constructor(@Inject(DoseStatisticsQuery) private readonly statistics: DoseStatisticsQuery) {}

  @Get('doses')
  @RequireRoles('manager', 'site-staff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Doses from the platform records, by day, site, commune, district, vaccine or dose number; JSON or CSV',
  })
  async doses(@Query() q: DoseStatisticsRequest, @Res({ passthrough: true }) res: Response) {
    const rows = await this.statistics.grouped(q.groupBy, q.from, q.to);
    if (q.format !== 'csv') return { groupBy: q.groupBy, from: q.from, to: q.to, rows };
    res.type('text/csv; charset=utf-8').attachment(`doses-by-${q.groupBy}-${q.from}-${q.to}.csv`);
    return toCsv(
      [q.groupBy, 'doses'],
      rows.map((r) => [r.key, r.doses]),
    );
  }
}
