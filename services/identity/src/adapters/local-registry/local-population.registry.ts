import { once } from 'node:events';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type BlockingKey, blockingKeyId } from '../../domain/linkage/linkage-candidates';
import type { RegistryPerson } from '../../domain/matching/registry-person';
import { foldName } from '../../domain/names/vietnamese-name';
import type { PopulationRegistry } from '../../application/ports/population-registry.port';

interface Row {
  person_id: string;
  id_number: string;
  old_id_number: string | null;
  full_name: string;
  date_of_birth: string;
  gender: 'male' | 'female';
  address: string | null;
  phone: string | null;
}

/** The expressions the blocking indexes are built on (identity-0004): a query must use them as they are. */
const BLOCK_COLUMN = {
  family: "split_part(r.folded_name, ' ', 1)",
  given: "regexp_replace(r.folded_name, '^.* ', '')",
} as const;

const BLOCK_ROW = `k.block, r.person_id, r.id_number, r.old_id_number, r.full_name,
  to_char(r.date_of_birth, 'YYYY-MM-DD') as date_of_birth, r.gender, r.address, r.phone`;

/**
 * The block searches, one index probe per block. `offset 0` keeps each lateral subquery from being
 * flattened into a join, for which the planner hashed the whole registry on every batch (221 ms
 * against 13 ms for 421 name blocks at 100,000 people; docs/performance.md).
 */
export const BLOCK_SEARCH_SQL = {
  name: `select ${BLOCK_ROW} from unnest($1::text[], $2::text[], $3::int[]) as k(block, text, year)
    cross join lateral (select * from registry_people r where r.folded_name = k.text
      and r.date_of_birth between make_date(k.year, 1, 1) and make_date(k.year, 12, 31) offset 0) r`,
  ...Object.fromEntries(
    (['family', 'given'] as const).map((by) => [
      by,
      `select ${BLOCK_ROW} from unnest($1::text[], $2::text[], $3::date[], $4::date[]) as k(block, text, born, swapped)
       cross join lateral (select * from registry_people r where ${BLOCK_COLUMN[by]} = k.text
         and r.date_of_birth in (k.born, k.swapped) offset 0) r`,
    ]),
  ),
} as Record<BlockingKey['by'], string>;

const SELECT = `select person_id, id_number, old_id_number, full_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, gender, address, phone
  from registry_people`;

/**
 * By number or old CMND, one `= any(array)` per column, each an index scan. Not `… or …` (PostgreSQL
 * then compares every registry row with the whole array), nor a join on the unnested numbers: for the
 * thousands of neighbours a batch asks about, the planner hashed the whole registry each time (256 ms
 * a batch at 100,000 people, against 15 ms; docs/performance.md).
 */
export const BY_NUMBERS_SQL = `${SELECT} where id_number = any($1::text[]) union ${SELECT} where old_id_number = any($1::text[])`;

/** The registry as a table in identity's own database, loaded from a file (`population load`). */
export class LocalPopulationRegistry implements PopulationRegistry {
  constructor(private readonly pool: Pool) {}

  async findByIdNumber(idNumber: string): Promise<RegistryPerson | null> {
    const { rows } = await this.pool.query<Row>(`${SELECT} where id_number = $1 or old_id_number = $1 limit 1`, [
      idNumber,
    ]);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async findManyByIdNumber(idNumbers: string[]): Promise<Map<string, RegistryPerson>> {
    const { rows } = await this.pool.query<Row>(BY_NUMBERS_SQL, [idNumbers]);
    const found = new Map<string, RegistryPerson>();
    for (const row of rows) {
      const person = toPerson(row);
      found.set(row.id_number, person);
      if (row.old_id_number) found.set(row.old_id_number, person);
    }
    return new Map(idNumbers.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
  }

  async searchByNameAndBirth(blocks: BlockingKey[]): Promise<Map<string, RegistryPerson[]>> {
    const found = new Map<string, RegistryPerson[]>();
    const searches = (['name', 'family', 'given'] as const).map(async (by) => {
      const asked = blocks.filter((b) => b.by === by);
      if (asked.length === 0) return;
      const { rows } = await this.pool.query<Row & { block: string }>(BLOCK_SEARCH_SQL[by], blockParameters(asked));
      for (const row of rows) found.set(row.block, [...(found.get(row.block) ?? []), toPerson(row)]);
    });
    await Promise.all(searches);
    return found;
  }

  /** Replaces the table's content with these people in one COPY; returns how many were loaded. */
  async replaceAll(people: AsyncIterable<RegistryPerson> | Iterable<RegistryPerson>): Promise<number> {
    const client = await this.pool.connect();
    let count = 0;
    try {
      await client.query('begin');
      await client.query('truncate registry_people');
      const copy = client.query(
        copyFrom(
          'copy registry_people (person_id, id_number, old_id_number, full_name, date_of_birth, gender, address, phone, folded_name) from stdin',
        ),
      );
      for await (const p of people as AsyncIterable<RegistryPerson>) {
        const line = [
          p.personId,
          p.idNumber,
          p.oldIdNumber ?? '\\N',
          p.fullName,
          p.dateOfBirth,
          p.gender,
          p.address ?? '\\N',
          p.phone ?? '\\N',
          foldName(p.fullName),
        ]
          .map(escapeCopy)
          .join('\t');
        if (!copy.write(`${line}\n`)) await once(copy, 'drain');
        count++;
      }
      copy.end();
      await once(copy, 'finish');
      await client.query('commit');
      await client.query('analyze registry_people');
      return count;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function escapeCopy(value: string): string {
  return value === '\\N'
    ? value
    : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function toPerson(row: Row): RegistryPerson {
  return {
    personId: row.person_id,
    idNumber: row.id_number,
    oldIdNumber: row.old_id_number ?? undefined,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    address: row.address ?? undefined,
    phone: row.phone ?? undefined,
  };
}

function blockParameters(blocks: BlockingKey[]): unknown[] {
  const ids = blocks.map(blockingKeyId);
  const texts = blocks.map((b) => b.text);
  return blocks[0].by === 'name'
    ? [ids, texts, blocks.map((b) => (b.by === 'name' ? Number(b.year) : 0))]
    : [
        ids,
        texts,
        blocks.map((b) => (b.by === 'name' ? null : b.dates[0])),
        blocks.map((b) => (b.by === 'name' ? null : (b.dates[1] ?? b.dates[0]))),
      ];
}
