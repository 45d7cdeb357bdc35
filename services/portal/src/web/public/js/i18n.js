// Every text on screen comes from i18n/<lang>.json: Vietnamese unless the person chose English.
let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
let texts = {};

export const currentLang = () => lang;

export async function loadTexts(next = lang) {
  lang = next;
  localStorage.setItem('lang', lang);
  texts = await (await fetch(`/assets/i18n/${lang}.json`)).json();
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
  document
    .querySelectorAll('[data-lang]')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
}

/** The text for a key, with {name} placeholders filled in; the key itself when missing (visible in review). */
export function t(key, values = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** The text of the first key that has one (a specific wording before a general one). */
export function tOr(keys, values = {}) {
  const key = keys.find((k) => k in texts) ?? keys.at(-1);
  return t(key, values);
}

const pad = (n) => String(n).padStart(2, '0');

/** Vietnamese date convention, dd/MM/yyyy, in both languages (the portal's users read it so). */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  const local = new Date(date.getTime() + 7 * 3_600_000); // Asia/Ho_Chi_Minh, no daylight saving
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

export const formatPercent = (share) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);
