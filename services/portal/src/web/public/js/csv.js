// CSV files as people open them: the services write column names for machines (English, stable);
// the file saved from the portal carries them in the page's language, with the byte order mark
// Excel needs to read UTF-8 ("Tam Đường", not "Tam Ä�Æ°á»�ng").
import { t, tOr } from './i18n.js';

const BOM = '\uFEFF';
const quoted = (cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The CSV text with its header row named by `csv.<column>` texts, and rows of no known site named so. */
export function localizedCsv(text) {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const end = body.indexOf('\n');
  const header = (end < 0 ? body : body.slice(0, end)).replace(/\r$/, '');
  const rest = end < 0 ? '' : body.slice(end + 1);
  const names = header.split(',').map((name) => quoted(tOr([`csv.${name}`, name])));
  return BOM + names.join(',') + '\r\n' + rest.replaceAll('(no known site)', quoted(t('campaign.noKnownSite')));
}
