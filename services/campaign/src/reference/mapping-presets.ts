import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The prepared column mappings shipped with the service (services/campaign/mappings, copied beside dist). */
export const MAPPINGS_DIR = join(__dirname, '..', '..', 'mappings');

/** Each `<name>.json` of the folder by its name (`legacy-list.vi`), as read; the rules check it when used. */
export function loadMappingPresets(dir = MAPPINGS_DIR): ReadonlyMap<string, unknown> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return new Map(files.map((f) => [basename(f, '.json'), JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]));
}
