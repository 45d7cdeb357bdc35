import { Controller, ForbiddenException, Get, Header, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  JsonOrCsvResponse,
  NEXT_CURSOR_HEADER_DOC,
  PageRequest,
  RequireRoles,
  csvDocument,
  itemsWithNextCursor,
  keysetPage,
} from '@vax/platform';
import { BreachesResponse, SlaSummaryResponse } from '@vax/contracts/complaints/http-v1.responses';
import { IsIn, IsOptional } from 'class-validator';
import { DateRangeOrdered, IsCalendarDate } from '@vax/platform';
import type { Request, Response } from 'express';
import { REPORT_GROUPS, type ManagerScope, type ReportGroup, SlaReportQuery } from '../postgres/sla-report.query';
import { AttentionItemResponse } from './sla-reports.responses';

export class SlaSummaryRequest {
  @ApiProperty({ enum: REPORT_GROUPS }) @IsIn(REPORT_GROUPS) groupBy!: ReportGroup;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class BreachesRequest {
  @ApiProperty({ example: '2021-11-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2021-11-30' }) @IsCalendarDate() @DateRangeOrdered('from') to!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** A manager's reach from their scope: the province, or one district. */
function reachOf(manager: CallerActor): ManagerScope {
  if (manager.scope.startsWith('province:')) return { province: true };
  if (manager.scope.startsWith('district:')) return { district: manager.scope.slice('district:'.length) };
  throw new ForbiddenException('SLA reports are for district and provincial managers');
}

/** Managers' SLA read model: open and overdue complaints, breaches, escalations, time to resolve. */
@ApiTags('SLA reports')
@Controller('sla')
@UseGuards(ActorGuard)
@RequireRoles('manager')
export class SlaReportsHttpController {
  constructor(@Inject(SlaReportQuery) private readonly reports: SlaReportQuery) {}

  @Get('summary')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Per site, commune or district: open, overdue, breaches, escalated, resolved, median and p90 hours',
  })
  @JsonOrCsvResponse(SlaSummaryResponse, 'One row per unit: JSON, or CSV with format=csv')
  async summary(
    @Query() q: SlaSummaryRequest,
    @Caller() manager: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rows = await this.reports.summary(q.groupBy, reachOf(manager), new Date());
    if (q.format !== 'csv') return { groupBy: q.groupBy, rows };
    res.type('text/csv; charset=utf-8').attachment(`complaints-sla-by-${q.groupBy}.csv`);
    const header = [q.groupBy, 'open', 'overdue', 'breaches', 'escalated', 'resolved', 'median_hours', 'p90_hours'];
    return csvDocument(
      header,
      rows.map((r) => [
        r.key,
        r.open,
        r.overdue,
        r.breaches,
        r.escalated,
        r.resolved,
        r.medianHoursToResolve ?? '',
        r.p90HoursToResolve ?? '',
      ]),
    );
  }

  @Get('needs-attention')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Complaints within reach whose workflow step failed for good, the longest waiting first' })
  @ApiOkResponse({
    type: [AttentionItemResponse],
    description: 'A page of them, the longest waiting first',
    headers: NEXT_CURSOR_HEADER_DOC,
  })
  async needsAttention(
    @Caller() manager: CallerActor,
    @Query() q: PageRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = keysetPage(q, ['string', 'string']);
    return itemsWithNextCursor(res, req.originalUrl, await this.reports.needingAttention(reachOf(manager), page));
  }

  @Get('breaches')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'SLA breaches per day (Vietnam time) and level' })
  @JsonOrCsvResponse(BreachesResponse, 'One row per day and level: JSON, or CSV with format=csv')
  async breaches(
    @Query() q: BreachesRequest,
    @Caller() manager: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const rows = await this.reports.breachesByDay(reachOf(manager), q.from, q.to);
    if (q.format !== 'csv') return { from: q.from, to: q.to, rows };
    res.type('text/csv; charset=utf-8').attachment(`complaints-breaches-${q.from}-${q.to}.csv`);
    return csvDocument(
      ['day', 'level', 'breaches'],
      rows.map((r) => [r.day, r.level, r.breaches]),
    );
  }
}
