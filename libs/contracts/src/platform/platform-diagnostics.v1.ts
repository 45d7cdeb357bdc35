import { IsISO8601, Matches } from 'class-validator';
import { defineContract } from '../contract';

/** Topic platform.diagnostics.v1 — published; never change this file, add a v2 instead. */

/** An operator's ping through the real pipes; every service records its receipt. */
export class PipesPingSent {
  @Matches(/^[a-z-]+$/) from!: string;
  @IsISO8601({ strict: true }) sentAt!: string;
}

export const PlatformDiagnosticsV1 = defineContract('platform.diagnostics.v1', { PipesPingSent });
