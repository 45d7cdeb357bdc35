import type { Pool } from 'pg';
import { type CoverageRow, coverage } from '../domain/coverage/coverage';
import type { ReferenceData } from '../reference/reference-data';

/**
 * Coverage by district and age group: people with doses on the platform's records (dose register,
 * current through corrections, voids and merges) against the registry's population census.
 */
export class CoverageQuery {
  constructor(
    private readonly pool: Pool,
    private readonly reference: ReferenceData,
  ) {}

  /** `district`: a district manager's own only (null: the whole province). */
  async byDistrictAndAge(
    year: number,
    district: string | null = null,
  ): Promise<{ countedAt: string | null; rows: CoverageRow[] }> {
    const primary = [...this.reference.catalogue.values()];
    const population = await this.pool.query(
      `select district, birth_year as "birthYear", people, counted_at from registry_population`,
    );
    const vaccinated = await this.pool.query(
      `with doses as (
         select person_id, count(*) as n, max(vaccine_code) filter (where dose_number = 1) as first
         from dose_register where not voided group by person_id),
       series as (select * from unnest($1::text[], $2::int[]) as s(code, primary_doses))
       select p.district, p.birth_year as "birthYear",
              count(*)::int as "atLeastOneDose",
              count(*) filter (where d.n >= coalesce(s.primary_doses, 2))::int as "primarySeries",
              count(*) filter (where d.n > coalesce(s.primary_doses, 2))::int as booster
       from doses d join people_facts p using (person_id) left join series s on s.code = d.first
       group by p.district, p.birth_year`,
      [primary.map((v) => v.code), primary.map((v) => v.primaryDoses)],
    );
    return {
      countedAt: population.rows[0]?.counted_at?.toISOString() ?? null,
      rows: coverage(population.rows, vaccinated.rows, year).filter(
        (r) => district === null || r.district === district,
      ),
    };
  }
}
