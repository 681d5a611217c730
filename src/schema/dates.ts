// Calendar dates as the form types them (JJ/MM/AAAA) and as they are stored (ISO), in France's time zone.

/** A calendar date without time. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const FR = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date typed as `JJ/MM/AAAA` (also `J/M/AAAA`, `.` or `-` as separators) or ISO `AAAA-MM-JJ`.
 * Returns `"format"` when the shape is wrong, `"invalid"` when no such day exists (31/02/2020).
 */
export function parseDateInput(input: string): CalendarDate | 'format' | 'invalid' {
  const fr = FR.exec(input);
  const iso = fr ? null : ISO.exec(input);
  if (!fr && !iso) return 'format';
  const [day, month, year] = fr
    ? [Number(fr[1]), Number(fr[2]), Number(fr[3])]
    : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2014-12-21` */
export const toIsoDate = (d: CalendarDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** `21/12/2014`, as the form shows a stored ISO date. Returns the input unchanged when it is not a date. */
export function formatDateFr(iso: string): string {
  const d = parseDateInput(iso);
  return typeof d === 'string' ? iso : `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
}

/** Orders two dates: negative when `a` is earlier. */
export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/** The same day `months` months earlier, clamped to the month's last day (29/02 − 12 months → 28/02). */
export function subtractMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

let parisFormat: Intl.DateTimeFormat | undefined;

/**
 * The calendar date in Paris at an instant (a `Date` or an ISO timestamp), or today when omitted.
 * A plain ISO date (`2026-03-01`) is taken as that day. Invalid input falls back to now.
 */
export function dateInParis(at?: Date | string): CalendarDate {
  if (typeof at === 'string') {
    const plain = ISO.exec(at);
    if (plain) return { year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) };
  }
  let instant = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(instant.getTime())) instant = new Date();
  parisFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
  });
  const parts = Object.fromEntries(parisFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}
