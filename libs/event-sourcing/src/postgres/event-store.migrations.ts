import type { Migration } from './migrations';

/**
 * The event store's tables. Subscriptions order by (transaction_id, global_position) and read only
 * transactions below the oldest one still running (pg_snapshot_xmin): a sequence value taken by a
 * slow transaction that commits late is never skipped.
 */
export const EVENT_STORE_MIGRATIONS: Migration[] = [
  {
    name: 'event-store-0001-streams-and-events',
    sql: `
      create table es_streams (
        stream_name text primary key,
        revision bigint not null
      );
      create table es_events (
        global_position bigint generated always as identity primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        event_id uuid not null unique,
        stream_name text not null,
        stream_revision bigint not null,
        event_type text not null,
        schema_version int not null,
        data jsonb not null,
        metadata jsonb not null,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default clock_timestamp(),
        unique (stream_name, stream_revision)
      );
      create index es_events_commit_order on es_events (transaction_id, global_position);

      -- One round trip per append: lock the stream row, check the expected revision, write.
      create function es_append(
        p_stream text, p_expected text, p_ids uuid[], p_types text[], p_versions int[],
        p_data jsonb[], p_metadata jsonb[], p_occurred timestamptz[]
      ) returns table (next_revision bigint, last_position bigint) language plpgsql as $$
      declare
        v_current bigint;
        v_next bigint;
      begin
        insert into es_streams (stream_name, revision) values (p_stream, -1) on conflict do nothing;
        select s.revision into v_current from es_streams s where s.stream_name = p_stream for update;
        if not (p_expected = 'any'
             or (p_expected = 'no_stream' and v_current = -1)
             or (p_expected = 'stream_exists' and v_current >= 0)
             or (p_expected ~ '^[0-9]+$' and v_current = p_expected::bigint)) then
          raise exception using errcode = 'VX409', message = 'wrong expected revision', detail = v_current::text;
        end if;
        v_next := v_current + cardinality(p_ids);
        update es_streams set revision = v_next where stream_name = p_stream;
        return query
          with inserted as (
            insert into es_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, occurred_at)
            select t.id, p_stream, v_current + t.ord, t.typ, t.ver, t.dat, t.meta, t.occ
            from unnest(p_ids, p_types, p_versions, p_data, p_metadata, p_occurred)
              with ordinality as t(id, typ, ver, dat, meta, occ, ord)
            returning global_position
          )
          select v_next, max(i.global_position) from inserted i;
      end $$;
    `,
  },
  {
    // Many streams in one transaction (a batch of messages recording many people's doses): one round
    // trip and one commit. Streams are locked in name order first, so two batches sharing streams
    // wait for each other instead of deadlocking; then each append is checked and written in order.
    name: 'event-store-0002-append-to-streams',
    sql: `
      create function es_append_many(
        p_streams text[], p_expected text[], p_counts int[], p_ids uuid[], p_types text[], p_versions int[],
        p_data jsonb[], p_metadata jsonb[], p_occurred timestamptz[]
      ) returns table (next_revision bigint, last_position bigint) language plpgsql as $$
      declare
        v_current bigint;
        v_from int := 1;
        v_to int;
      begin
        insert into es_streams (stream_name, revision)
          select distinct s, -1 from unnest(p_streams) s order by 1 on conflict do nothing;
        perform 1 from es_streams where stream_name = any(p_streams) order by stream_name for update;
        for i in 1 .. cardinality(p_streams) loop
          select s.revision into v_current from es_streams s where s.stream_name = p_streams[i];
          if not (p_expected[i] = 'any'
               or (p_expected[i] = 'no_stream' and v_current = -1)
               or (p_expected[i] = 'stream_exists' and v_current >= 0)
               or (p_expected[i] ~ '^[0-9]+$' and v_current = p_expected[i]::bigint)) then
            raise exception using errcode = 'VX409', message = 'wrong expected revision',
              detail = v_current::text, hint = i::text;
          end if;
          v_to := v_from + p_counts[i] - 1;
          next_revision := v_current + p_counts[i];
          update es_streams set revision = next_revision where stream_name = p_streams[i];
          with inserted as (
            insert into es_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, occurred_at)
            select t.id, p_streams[i], v_current + t.ord, t.typ, t.ver, t.dat, t.meta, t.occ
            from unnest(p_ids[v_from:v_to], p_types[v_from:v_to], p_versions[v_from:v_to], p_data[v_from:v_to],
                        p_metadata[v_from:v_to], p_occurred[v_from:v_to])
              with ordinality as t(id, typ, ver, dat, meta, occ, ord)
            returning global_position
          )
          select max(x.global_position) into last_position from inserted x;
          return next;
          v_from := v_to + 1;
        end loop;
      end $$;
    `,
  },
];
