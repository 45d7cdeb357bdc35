import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';

/** The message an operator sends through the real pipes to see every consumer receive it. */
export class PipesPing {
  @IsUUID() pingId!: string;
  @IsString() @Matches(/^[a-z-]+$/) from!: string;
  @IsISO8601() sentAt!: string;
}
