// Dates: as the engine and the date inputs write them (YYYY-MM-DD), and as the UI shows them.
import { fillIn } from './dom.js';
import { punctuation } from './i18n.js';

/** @typedef {import('sme-eligibility').Catalog} Catalog */

/**
 * A date's YYYY-MM-DD in the browser's time zone (the engine's default as-of date is the same).
 * @param {Date} [date]
 */
export function today(date = new Date()) {
  const twoDigits = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** @param {unknown} value */
export function isIsoDate(value) {
  return /^\d{4}-\d\d-\d\d$/.test(String(value ?? ''));
}

/** @type {Intl.DateTimeFormat | undefined} */
let englishDates;

/**
 * A YYYY-MM-DD date as the UI writes it: 2023年7月1日 in Chinese and Japanese, 1 July 2023 in English.
 * Chinese and Japanese are written without Intl: making a first Intl formatter costs about 15 ms of
 * the first report.
 * @param {string | null | undefined} isoDate
 * @param {string} lang a UI language
 */
export function formatDate(isoDate, lang) {
  if (!isoDate) return '';
  if (lang !== 'en') return isoDate.replace(/(\d+)-0?(\d+)-0?(\d+)/, '$1年$2月$3日');
  englishDates ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  return englishDates.format(new Date(isoDate + 'T00:00Z'));
}

/**
 * An application window as text: "1 January 2023 – 31 December 2023 (open)"; an open end is "…".
 * @param {{ from?: string, to?: string, state: 'open' | 'not_yet' | 'closed' }} window
 * @param {string} lang a UI language
 * @param {Record<string, string>} strings the UI strings of that language
 */
export function windowText({ from, to, state }, lang, strings) {
  const span = `${formatDate(from, lang) || '…'} – ${formatDate(to, lang) || '…'}`;
  const stateText = state === 'closed' ? fillIn(strings.endedOn, { date: formatDate(to, lang) }) : strings[state];
  return span + punctuation(lang).parenthesised(stateText);
}

/**
 * The as-of date to suggest when every window has closed: the latest date inside the policy's period
 * on which the most application windows are open. The candidates are the period's ends and the
 * windows' ends (the number open changes only there).
 * @param {Pick<Catalog, 'period' | 'measures'>} catalog
 * @returns {{ date: string | null, open: number }} the date, and how many windows are open on it
 */
export function suggestedAsOf(catalog) {
  const { from: periodStart, to: periodEnd } = catalog.period;
  const windows = catalog.measures.flatMap(measure => measure.parts.filter(part => part.from || part.to));
  const openOn = (/** @type {string} */ date) =>
    windows.filter(window => (!window.from || window.from <= date) && (!window.to || date <= window.to)).length;
  let best = null;
  let mostOpen = -1;
  for (const date of [periodStart, periodEnd, ...windows.flatMap(window => [window.from, window.to])]) {
    const inPeriod = date && date >= periodStart && !(periodEnd && date > periodEnd);
    if (!inPeriod) continue;
    const open = openOn(date);
    if (open > mostOpen || (open === mostOpen && date > best)) {
      best = date;
      mostOpen = open;
    }
  }
  return { date: best, open: mostOpen };
}
