import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The actor of a public event: who did it, in which role and scope. */
export class PublicActor {
  @IsString() @IsNotEmpty() @MaxLength(100) id!: string;
  @IsString() @IsNotEmpty() @MaxLength(50) role!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) scope!: string;
}

/**
 * The envelope of every message between contexts, on Kafka or the embedded log. `eventId` is the id
 * of the stored event it comes from, so a redelivery carries the same id and consumers' inboxes
 * recognise it. The payload's shape is fixed by the contract of `type` on the message's topic.
 */
export class PublicMessage<Payload extends object = object> {
  @IsUUID() eventId!: string;
  @IsString() @Matches(/^[A-Z][A-Za-z]+$/, { message: 'must be an event name in PascalCase' }) type!: string;
  /** The aggregate the event belongs to; also the Kafka key, so one aggregate's events stay in order. */
  @IsString() @IsNotEmpty() @MaxLength(200) aggregateId!: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) correlationId!: string;
  @IsOptional() @IsString() @MaxLength(100) causationId!: string | null;
  @ValidateNested() @Type(() => PublicActor) actor!: PublicActor;
  @IsObject() payload!: Payload;
}
