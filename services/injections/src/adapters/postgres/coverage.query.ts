import type { Pool } from 'pg';
import { type CoverageRow, coverage } from '../../domain/coverage/coverage';
import type { ReferenceData } from '../../reference/reference-data';

/**
 * Coverage by district and age group: people with doses on the platform's records (counters kept
 * through corrections, voids and merges) against the registry's population census (districts × birth
 * years: a few hundred rows).
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
    // People by how many doses they hold, counted as doses are projected (dose-counters.projection.ts).
    const vaccinated = await this.pool.query(
      `with series as (select * from unnest($1::text[], $2::int[]) as s(code, primary_doses))
       select c.district, c.birth_year as "birthYear",
              sum(c.people)::int as "atLeastOneDose",
              coalesce(sum(c.people) filter (where c.doses >= coalesce(s.primary_doses, 2)), 0)::int as "primarySeries",
              coalesce(sum(c.people) filter (where c.doses > coalesce(s.primary_doses, 2)), 0)::int as booster
       from dose_counters_coverage c left join series s on s.code = c.first_vaccine
       where c.doses > 0 and ($3::text is null or c.district = $3)
       group by c.district, c.birth_year having sum(c.people) > 0`,
      [primary.map((v) => v.code), primary.map((v) => v.primaryDoses), district],
    );
    return {
      countedAt: population.rows[0]?.counted_at?.toISOString() ?? null,
      rows: coverage(population.rows, vaccinated.rows, year).filter(
        (r) => district === null || r.district === district,
      ),
    };
  }
}
