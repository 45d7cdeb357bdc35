import type { BulkRecord } from '../services/identity/src/domain/bulk/bulk-matching';
import { SeededRandom } from '../services/identity/src/adapters/local-registry/seeded-random';
import type { SyntheticPerson } from '../services/identity/src/adapters/local-registry/synthetic-population';

/**
 * Old lists for the linkage benchmark, written the way clerks got rows wrong — not by the matcher's
 * rules: each row is one registry person (or one the registry lacks) with one labelled error class.
 */
export const LINKAGE_CLASSES = [
  ['clean', 0.52],
  ['accents-dropped', 0.06],
  ['typo', 0.05],
  ['name-order', 0.04],
  ['day-month-swapped', 0.03],
  ['only-year-right', 0.03],
  ['old-cmnd', 0.03],
  ['digit-to-nobody', 0.03],
  ['digit-to-another', 0.03],
  ['id-missing', 0.05],
  ['namesake', 0.02],
  ['absent', 0.04],
  ['listed-twice', 0.07],
] as const;
export type LinkageClass = (typeof LINKAGE_CLASSES)[number][0];

export interface LabelledRow {
  record: BulkRecord;
  linkageClass: LinkageClass;
  /** The registry person the row is about; null for someone the registry lacks. */
  truth: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';

export function* linkageList(
  registry: SyntheticPerson[],
  absent: SyntheticPerson[],
  count: number,
  seed: number,
): Generator<LabelledRow> {
  const random = new SeededRandom(seed);
  const byId = new Map(registry.map((p) => [p.idNumber, p]));
  const byNameBirth = new Map<string, SyntheticPerson[]>();
  for (const p of registry) {
    const key = `${fold(p.fullName).toUpperCase()}|${p.dateOfBirth}`;
    byNameBirth.set(key, [...(byNameBirth.get(key) ?? []), p]);
  }
  const namesakes = [...byNameBirth.values()].filter((g) => g.length > 1).flat();
  const earlier: LabelledRow[] = [];
  const classes = LINKAGE_CLASSES.map(([c, share]) => ({ c, share }));
  for (let i = 0; i < count; i++) {
    const linkageClass = random.weighted(classes).c as LinkageClass;
    const row = make(linkageClass, `K${i}`);
    if (earlier.length < 50_000 && row.truth) earlier.push(row);
    yield row;
  }

  function make(linkageClass: LinkageClass, recordId: string): LabelledRow {
    const as = (p: SyntheticPerson, record: Partial<BulkRecord> = {}): LabelledRow => ({
      record: { ...recordOf(p, recordId, random), ...record },
      linkageClass,
      truth: linkageClass === 'absent' ? null : p.personId,
    });
    const anyone = () => random.pick(registry);
    switch (linkageClass) {
      case 'clean':
        return as(anyone());
      case 'accents-dropped': {
        const p = anyone();
        return as(p, { fullName: fold(p.fullName) });
      }
      case 'typo': {
        const p = anyone();
        return as(p, { fullName: typo(p.fullName, random) });
      }
      case 'name-order': {
        const p = anyone();
        const s = p.fullName.split(' ');
        const name =
          random.next() < 0.5 || s.length < 3 ? [s[s.length - 1], ...s.slice(0, -1)] : [s[0], s[s.length - 1]];
        return as(p, { fullName: name.join(' ') });
      }
      case 'day-month-swapped': {
        const p = until(
          () => anyone(),
          (q) => Number(q.dateOfBirth.slice(8)) <= 12 && q.dateOfBirth.slice(5, 7) !== q.dateOfBirth.slice(8),
        );
        return as(p, {
          dateOfBirth: `${p.dateOfBirth.slice(0, 4)}-${p.dateOfBirth.slice(8)}-${p.dateOfBirth.slice(5, 7)}`,
        });
      }
      case 'only-year-right': {
        const p = until(
          () => anyone(),
          (q) => q.dateOfBirth.slice(5) !== '01-01',
        );
        return as(p, { dateOfBirth: `${p.dateOfBirth.slice(0, 4)}-01-01` });
      }
      case 'old-cmnd': {
        const p = until(
          () => anyone(),
          (q) => !!q.oldIdNumber,
        );
        return as(p, { idNumber: p.oldIdNumber });
      }
      case 'digit-to-nobody': {
        const p = anyone();
        const wrong = until(
          () => oneDigitOff(p.idNumber, random),
          (n) => !byId.has(n),
        );
        return as(p, { idNumber: wrong });
      }
      case 'digit-to-another': {
        for (;;) {
          const p = anyone();
          const taken = neighbours(p.idNumber).find((n) => byId.has(n));
          if (taken) return as(p, { idNumber: taken });
        }
      }
      case 'id-missing':
        return as(anyone(), { idNumber: undefined });
      case 'namesake': {
        const p = random.pick(namesakes);
        return as(p, random.next() < 0.5 ? { idNumber: undefined } : {});
      }
      case 'absent':
        return as(random.pick(absent));
      case 'listed-twice': {
        if (earlier.length === 0) return make('clean', recordId);
        const first = random.pick(earlier);
        const again = { ...first.record, recordId, address: random.next() < 0.5 ? undefined : first.record.address };
        return { record: again, linkageClass, truth: first.truth };
      }
      default:
        return linkageClass satisfies never;
    }
  }
}

function recordOf(p: SyntheticPerson, recordId: string, random: SeededRandom): BulkRecord {
  return {
    recordId,
    idNumber: p.idNumber,
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    gender: random.next() < 0.9 ? p.gender : undefined,
    // Half the lists keep an address column: commune and district as the clerk wrote them.
    address: random.next() < 0.5 ? `${p.commune}, ${p.district}` : undefined,
  };
}

/** A keyboard slip in one syllable: a letter replaced, dropped or doubled. */
function typo(name: string, random: SeededRandom): string {
  const at = random.int(name.length);
  if (name[at] === ' ') return typo(name, random);
  const kind = random.int(3);
  const letter = LETTERS[random.int(LETTERS.length)];
  if (kind === 0) return name.slice(0, at) + letter + name.slice(at + 1);
  if (kind === 1 && name.slice(at + 1).trim() && name[at - 1] !== ' ' && at > 0)
    return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + name[at] + name.slice(at);
}

function oneDigitOff(id: string, random: SeededRandom): string {
  const at = random.int(id.length);
  return id.slice(0, at) + ((Number(id[at]) + 1 + random.int(9)) % 10) + id.slice(at + 1);
}

function neighbours(id: string): string[] {
  const found: string[] = [];
  for (let at = 0; at < id.length; at++)
    for (let d = 0; d <= 9; d++) if (String(d) !== id[at]) found.push(id.slice(0, at) + d + id.slice(at + 1));
  return found;
}

function until<T>(make: () => T, ok: (t: T) => boolean): T {
  for (;;) {
    const t = make();
    if (ok(t)) return t;
  }
}
