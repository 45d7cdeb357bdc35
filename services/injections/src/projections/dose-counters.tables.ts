import type { PoolClient } from 'pg';

/**
 * The counters behind managers' figures, kept by PostgreSQL triggers from the rows of a private copy of
 * the dose register (`<table>_doses`). Every counter moves by the difference between a statement's old
 * and new rows, so an event applied twice (a row rewritten to what it was) moves nothing, and a rebuild
 * counts exactly what the register holds. Statement-level triggers see a whole batch at once: a run of
 * 500 new doses is one grouped upsert per counter table, not 500.
 *
 *   <table>         doses, verified, attested by day, site, vaccine and dose number (not voided)
 *   <table>_month   the same by month: long ranges read a few rows per site and month
 *   <table>_day     doses by day and site alone: a range of years by day reads one row per day and site
 *   <table>_people  each person's count of doses and first vaccine, with the registry's district and
 *                   birth year (from people_facts, followed when those facts change)
 *   <table>_coverage people by district, birth year, first vaccine and count of doses
 */
export async function createCounterTables(tx: PoolClient, t: string): Promise<void> {
  await tx.query(`
    create table ${t} (
      day date not null, site_id text not null, vaccine_code text not null, dose_number int not null,
      doses int not null, verified int not null, attested int not null,
      primary key (day, site_id, vaccine_code, dose_number));
    create table ${t}_month (
      month date not null, site_id text not null, vaccine_code text not null, dose_number int not null,
      doses int not null, verified int not null, attested int not null,
      primary key (month, site_id, vaccine_code, dose_number));
    create index ${t}_month_site on ${t}_month (site_id);
    create table ${t}_day (day date not null, site_id text not null, doses int not null, primary key (day, site_id));
    create table ${t}_people (
      person_id text primary key, doses int not null, first_vaccine text not null,
      district text, birth_year int);
    create table ${t}_coverage (
      district text not null, birth_year int not null, first_vaccine text not null, doses int not null,
      people int not null, primary key (district, birth_year, first_vaccine, doses))`);
  for (const [op, source] of [
    ['insert', 'select *, 1 as sign from new_rows'],
    ['update', 'select *, 1 as sign from new_rows union all select *, -1 from old_rows'],
    ['delete', 'select *, -1 as sign from old_rows'],
  ] as const) {
    await trigger(tx, `${t}_doses`, `${t}_doses_${op}`, op, doseCounting(t, source));
    await trigger(tx, `${t}_people`, `${t}_people_${op}`, op, coverageCounting(t, source));
  }
  await followPeopleFacts(tx, t);
}

async function trigger(tx: PoolClient, table: string, name: string, op: string, body: string): Promise<void> {
  const transition = { insert: 'new table as new_rows', update: 'old table as old_rows new table as new_rows' };
  const referencing = transition[op as keyof typeof transition] ?? 'old table as old_rows';
  await tx.query(
    `create function ${name}() returns trigger language plpgsql as $fn$ begin ${body} return null; end $fn$`,
  );
  await tx.query(
    `create trigger ${name} after ${op} on ${table} referencing ${referencing} for each statement execute function ${name}()`,
  );
}

/** Day and month counters by the signed change of dose rows; then the touched people counted again. */
function doseCounting(t: string, source: string): string {
  const upsert = (table: string, period: string, column: string) => `
    insert into ${table} as c (${column}, site_id, vaccine_code, dose_number, doses, verified, attested)
    select ${period}, site_id, vaccine_code, dose_number, sum(sign),
           coalesce(sum(sign) filter (where verification_id is not null), 0),
           coalesce(sum(sign) filter (where attestation_id is not null), 0)
    from (${source}) s where not voided group by 1, 2, 3, 4
    having sum(sign) <> 0 or sum(sign) filter (where verification_id is not null) <> 0
        or sum(sign) filter (where attestation_id is not null) <> 0
    order by 1, 2, 3, 4
    on conflict (${column}, site_id, vaccine_code, dose_number) do update set doses = c.doses + excluded.doses,
      verified = c.verified + excluded.verified, attested = c.attested + excluded.attested;`;
  return `${upsert(t, 'day', 'day')} ${upsert(`${t}_month`, "date_trunc('month', day)::date", 'month')}
    insert into ${t}_day as c (day, site_id, doses)
    select day, site_id, sum(sign) from (${source}) s where not voided group by 1, 2 having sum(sign) <> 0
    order by 1, 2 on conflict (day, site_id) do update set doses = c.doses + excluded.doses;
    insert into ${t}_people as p (person_id, doses, first_vaccine, district, birth_year)
    select touched.person_id, count(d.dose_id),
           coalesce(max(d.vaccine_code) filter (where d.dose_number = 1), ''), f.district, f.birth_year
    from (select distinct person_id from (${source}) s) touched
    left join ${t}_doses d on d.person_id = touched.person_id and not d.voided
    left join people_facts f on f.person_id = touched.person_id
    group by touched.person_id, f.district, f.birth_year order by 1
    on conflict (person_id) do update set doses = excluded.doses, first_vaccine = excluded.first_vaccine
      where (p.doses, p.first_vaccine) is distinct from (excluded.doses, excluded.first_vaccine);`;
}

/** People counted where the registry places them; people without a dose or without facts are not. */
function coverageCounting(t: string, source: string): string {
  return `
    insert into ${t}_coverage as c (district, birth_year, first_vaccine, doses, people)
    select district, birth_year, first_vaccine, doses, sum(sign)
    from (${source}) s where doses > 0 and district is not null group by 1, 2, 3, 4
    having sum(sign) <> 0 order by 1, 2, 3, 4
    on conflict (district, birth_year, first_vaccine, doses) do update set people = c.people + excluded.people;`;
}

/** A person's district or birth year changing in the registry moves them between coverage counters. */
async function followPeopleFacts(tx: PoolClient, t: string): Promise<void> {
  await tx.query(`create function ${t}_facts() returns trigger language plpgsql as $fn$ begin
      update ${t}_people p set district = new.district, birth_year = new.birth_year
      where p.person_id = new.person_id
        and (p.district, p.birth_year) is distinct from (new.district, new.birth_year);
      return null; end $fn$`);
  await tx.query(
    `create trigger ${t}_facts after insert or update on people_facts for each row execute function ${t}_facts()`,
  );
}
