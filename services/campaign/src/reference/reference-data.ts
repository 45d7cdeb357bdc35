import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Site, SiteDirectory, VaccineDirectory } from '../domain/legacy-row/reference-directories';

const read = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as T;

export interface CampaignReference {
  vaccines: VaccineDirectory;
  sites: SiteDirectory;
}

/** Vaccine spellings and the site directory, from this folder's JSON files (replace them, not the code). */
export function loadCampaignReference(): CampaignReference {
  return {
    vaccines: new VaccineDirectory(read<{ vaccines: { code: string; aliases: string[] }[] }>('vaccines.json').vaccines),
    sites: new SiteDirectory(read<{ sites: Site[] }>('sites.json').sites),
  };
}
