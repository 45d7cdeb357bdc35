import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { defineContract } from '@vax/contracts';

/** A contract used only by the messaging library's own tests. */
export class Counted {
  @IsInt() @Min(0) n!: number;
  /** The consumer fixture fails on this message every time (a bug in the handler, say). */
  @IsOptional() @IsBoolean() alwaysFails?: boolean;
}

export const testContract = (topic: string) => defineContract(topic, { Counted });
