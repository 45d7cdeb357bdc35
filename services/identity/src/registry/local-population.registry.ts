import { once } from 'node:events';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RegistryPerson } from '../domain/matching/registry-person';
import { foldName } from '../domain/names/vietnamese-name';
import type { PopulationRegistry } from './population-registry.port';

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

const SELECT = `select person_id, id_number, old_id_number, full_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, gender, address, phone
  from registry_people`;

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
    const { rows } = await this.pool.query<Row>(
      `${SELECT} where id_number = any($1::text[]) or old_id_number = any($1::text[])`,
      [idNumbers],
    );
    const found = new Map<string, RegistryPerson>();
    for (const row of rows) {
      const person = toPerson(row);
      found.set(row.id_number, person);
      if (row.old_id_number) found.set(row.old_id_number, person);
    }
    return new Map(idNumbers.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
  }

  async findCandidates(keys: string[]): Promise<Map<string, RegistryPerson[]>> {
    const found = new Map<string, RegistryPerson[]>();
    if (keys.length === 0) return found;
    const [names, dates] = [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1])];
    const { rows } = await this.pool.query<Row & { folded_name: string }>(
      `${SELECT.replace('address', 'address, folded_name')} join unnest($1::text[], $2::date[]) as k(n, d)
         on folded_name = k.n and date_of_birth = k.d`,
      [names, dates],
    );
    for (const row of rows) {
      const key = `${row.folded_name}|${row.date_of_birth}`;
      found.set(key, [...(found.get(key) ?? []), toPerson(row)]);
    }
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
