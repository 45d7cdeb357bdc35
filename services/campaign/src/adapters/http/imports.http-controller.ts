import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, FileResponse, PageRequest, RequireRoles, keysetPage, problemOrError } from '@vax/platform';
import type { Request, Response } from 'express';
import { LegacyImportsRepository } from '../postgres/legacy-imports.repository';
import { LegacyUploadsService } from '../../application/legacy-uploads.service';
import { ROW_REPORT_HEADER, rowReportLine } from '../files/row-report.csv';
import { notFound } from './campaign-http.problems';
import { ImportUploadRequest } from './import-upload.request-dto';
import { importRefusal, unsupportedMediaType, uploadTooLarge } from './import-http.problems';
import { ImportSummaryResponse, ImportsResponse, PresetsResponse } from '@vax/contracts/campaign/http-v1.responses';
import { IMPORT_MAX_BYTES } from './tokens';
import { ALL_UPLOAD_CONTENT_TYPES, limitedBody, uploadFormatOf } from './upload-body';

/**
 * Managers upload a site's old list here as the command line imports it: the file is the body,
 * streamed through mapping and validation into the campaign's tables; the per-row report is read back.
 * Registered before the campaigns' routes, so `imports` is never taken for a campaign id.
 */
@ApiTags('imports')
@Controller('campaigns/imports')
@UseGuards(ActorGuard)
export class ImportsHttpController {
  constructor(
    @Inject(LegacyUploadsService) private readonly uploads: LegacyUploadsService,
    @Inject(LegacyImportsRepository) private readonly imports: LegacyImportsRepository,
    @Inject(IMPORT_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  @Get()
  @RequireRoles('manager')
  @ApiOperation({ summary: 'Imported lists, newest first; finished ones can start a campaign' })
  @ApiOkResponse({ type: ImportsResponse, description: 'A page of them, newest first' })
  async list(@Query() q: PageRequest) {
    const { items, nextCursor } = await this.imports.list(keysetPage(q, ['string', 'string']));
    return { imports: items, nextCursor };
  }

  @Get('presets')
  @RequireRoles('manager')
  @ApiOperation({ summary: 'The prepared column mappings an upload can name' })
  @ApiOkResponse({ type: PresetsResponse, description: 'The preset names' })
  presets() {
    return { presets: this.uploads.presetNames() };
  }

  @Post()
  @HttpCode(201)
  @RequireRoles('manager')
  @ApiConsumes(...ALL_UPLOAD_CONTENT_TYPES)
  @ApiOperation({
    summary: 'Import a list: the CSV or .xlsx file as the body, streamed; answers the summary and the report link',
  })
  @ApiCreatedResponse({ type: ImportSummaryResponse, description: 'The list imported (or the rest of it, resumed)' })
  async upload(@Query() q: ImportUploadRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      const format = uploadFormatOf(req.headers['content-type']);
      if (!format) throw unsupportedMediaType(ALL_UPLOAD_CONTENT_TYPES);
      if (Number(req.headers['content-length'] ?? 0) > this.maxBytes) throw uploadTooLarge(this.maxBytes);
      const mapping = this.uploads.mappingFor(q);
      const summary = await this.uploads.upload(limitedBody(req, this.maxBytes), {
        format,
        sourceName: q.name,
        mapping,
        importId: q.importId,
      });
      return { ...summary, sourceName: q.name, format, report: `/campaigns/imports/${summary.importId}/report` };
    } catch (error) {
      // The rest of the body is read and dropped, so the client hears why rather than a reset connection.
      res.setHeader('Connection', 'close');
      req.unpipe();
      req.resume();
      throw problemOrError(error, importRefusal);
    }
  }

  @Get(':importId/report')
  @RequireRoles('manager')
  @ApiOperation({ summary: "The import's per-row report as CSV: row, status, idState, problems (nothing personal)" })
  @FileResponse(['text/csv'], 'One line per row, after a header: row, status, idState, problems')
  async report(@Param('importId') importId: string, @Res() res: Response) {
    if (!(await this.imports.find(importId))) throw notFound(`import ${importId}`);
    res.status(200).type('text/csv; charset=utf-8').attachment(`import-${importId}-report.csv`);
    res.setHeader('Cache-Control', 'no-store');
    const lines = this.imports.reportLines(importId);
    async function* csv() {
      yield ROW_REPORT_HEADER;
      for await (const line of lines) yield rowReportLine(line);
    }
    await pipeline(Readable.from(csv()), res).catch((error: unknown) => {
      if (!res.headersSent) throw error;
      res.destroy(); // half a report must not look like a whole one
    });
  }
}
