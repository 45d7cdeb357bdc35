import type { Migration } from '@vax/event-sourcing';

/** Tables of the messaging library, in each service's own database. */
export const MESSAGING_MIGRATIONS: Migration[] = [
  {
    name: 'messaging-0001-checkpoints-and-inbox',
    sql: `
      -- Where each reader of the log (publisher, projection, embedded subscriber) has got to.
      create table subscription_checkpoints (
        name text primary key,
        checkpoint text not null,
        updated_at timestamptz not null default now()
      );
      -- Messages a consumer has applied, written in the same transaction as their effect.
      create table inbox_processed (
        consumer text not null,
        message_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, message_id)
      );
    `,
  },
  {
    name: 'messaging-0002-inbox-retention',
    sql: `
      -- The inbox keeps a message id only as long as a redelivery can come (the transports' retention):
      -- older rows are deleted by age, which this index reads.
      create index inbox_processed_by_age on inbox_processed (processed_at);
    `,
  },
  {
    name: 'messaging-0003-bus-bucket-leases',
    sql: `
      -- The embedded transport's consumer groups (bus database): each subscriber's work is cut into
      -- buckets of keys, each leased to one live instance at a time, renewed by its heartbeat.
      create table bus_members (
        subscriber text not null,
        member text not null,
        expires_at timestamptz not null,
        primary key (subscriber, member)
      );
      create table bus_bucket_leases (
        subscriber text not null,
        bucket int not null,
        owner text,
        expires_at timestamptz not null default '-infinity',
        primary key (subscriber, bucket)
      );
    `,
  },
];
