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
  {
    // The same function, set-based: a statement for the checks and one for every event, instead of
    // three statements per stream. Publishing a page of 1,000 messages to the bus (1,000 streams)
    // spent most of its time in the per-stream loop (bench:campaign-end-to-end, 2026-12-07).
    name: 'event-store-0003-append-to-streams-set-based',
    sql: `
      create or replace function es_append_many(
        p_streams text[], p_expected text[], p_counts int[], p_ids uuid[], p_types text[], p_versions int[],
        p_data jsonb[], p_metadata jsonb[], p_occurred timestamptz[]
      ) returns table (next_revision bigint, last_position bigint) language plpgsql as $$
      declare
        v_bad record;
      begin
        insert into es_streams (stream_name, revision)
          select distinct s, -1 from unnest(p_streams) s order by 1 on conflict do nothing;
        perform 1 from es_streams where stream_name = any(p_streams) order by stream_name for update;
        -- Each append's revision before it: its stream's, plus the appends to it earlier in the batch.
        select e.i, e.before into v_bad from (
          select a.i, a.expected, s.revision + coalesce(sum(a.n) over (partition by a.stream order by a.i
                   rows between unbounded preceding and 1 preceding), 0) as before
          from unnest(p_streams, p_expected, p_counts) with ordinality as a(stream, expected, n, i)
          join es_streams s on s.stream_name = a.stream) e
        where not (e.expected = 'any'
             or (e.expected = 'no_stream' and e.before = -1)
             or (e.expected = 'stream_exists' and e.before >= 0)
             or (e.expected ~ '^[0-9]+$' and e.before = e.expected::bigint))
        order by e.i limit 1;
        if found then
          raise exception using errcode = 'VX409', message = 'wrong expected revision',
            detail = v_bad.before::text, hint = v_bad.i::text;
        end if;
        return query
          with appends as (
            select a.i, a.stream, a.n,
              s.revision + coalesce(sum(a.n) over (partition by a.stream order by a.i
                rows between unbounded preceding and 1 preceding), 0) as before,
              coalesce(sum(a.n) over (order by a.i rows between unbounded preceding and 1 preceding), 0) as offs
            from unnest(p_streams, p_counts) with ordinality as a(stream, n, i)
            join es_streams s on s.stream_name = a.stream
          ), inserted as (
            insert into es_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, occurred_at)
            select p_ids[a.offs + k], a.stream, a.before + k, p_types[a.offs + k], p_versions[a.offs + k],
                   p_data[a.offs + k], p_metadata[a.offs + k], p_occurred[a.offs + k]
            from appends a, generate_series(1, a.n) k
            order by a.offs + k
            returning global_position, stream_name, stream_revision
          ), moved as (
            update es_streams s set revision = t.last
            from (select a.stream, max(a.before + a.n) as last from appends a group by a.stream) t
            where s.stream_name = t.stream
          )
          select (a.before + a.n)::bigint, max(x.global_position)
          from appends a join inserted x on x.stream_name = a.stream
            and x.stream_revision > a.before and x.stream_revision <= a.before + a.n
          group by a.i, a.before, a.n
          order by a.i;
      end $$;
    `,
  },
];
