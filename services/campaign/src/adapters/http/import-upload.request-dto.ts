import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The query of an upload: the body is the file itself (CSV or .xlsx), streamed. */
export class ImportUploadRequest {
  @ApiProperty({ description: "The list's file name as the site sent it (a name only, no path)" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[^/\\]+$/, { message: 'must be a file name without a path' })
  name!: string;

  @ApiPropertyOptional({ description: 'A prepared column mapping (GET /campaigns/imports/presets)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  preset?: string;

  @ApiPropertyOptional({ description: 'A column mapping of its own, JSON as the command line reads it' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  mapping?: string;

  @ApiPropertyOptional({ description: 'Resume an interrupted import: rows already committed are skipped' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{1,100}$/, { message: 'must be an import id' })
  importId?: string;
}
