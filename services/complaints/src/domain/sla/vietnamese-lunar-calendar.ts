/**
 * The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam"):
 * astronomical new moons and the sun's longitude (solar terms) reckoned at UTC+7. Chinese calendars
 * reckon at UTC+8, so the two differ in some years (Tết 2007 is 17 Feb in Vietnam, 18 Feb in China);
 * that is why no general-purpose package is used. Dates in and out are Gregorian {year, month, day}.
 */

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const VIETNAM_TIMEZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695; // the new moon of 1 Jan 1900, as a Julian day
const RAD = Math.PI / 180;
const floor = Math.floor;

/** Julian day number of a Gregorian date (Julian calendar before 15 Oct 1582). */
export function julianDay({ year, month, day }: SolarDate): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd = day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
  return jd >= 2299161 ? jd : day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083;
}

export function fromJulianDay(jd: number): SolarDate {
  const gregorian = jd > 2299160;
  const a = jd + 32044;
  const b = gregorian ? floor((4 * a + 3) / 146097) : 0;
  const c = gregorian ? a - floor((b * 146097) / 4) : jd + 32082;
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** The instant (Julian day, UT) of the k-th new moon after 1 Jan 1900 (Meeus, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr) - 0.0004 * Math.sin(RAD * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude, in radians [0, 2π), at a Julian day (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  const L = (L0 + DL) * RAD;
  return L - 2 * Math.PI * floor(L / (2 * Math.PI));
}

/** The day (Julian day number, local) the k-th new moon falls on in Vietnam. */
const newMoonDay = (k: number) => floor(newMoon(k) + 0.5 + VIETNAM_TIMEZONE_HOURS / 24);

/** Which of the 12 solar-term sectors (0..11, 30° each) the sun is in at the start of a local day. */
const sunSector = (dayNumber: number) =>
  floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIMEZONE_HOURS / 24) / Math.PI) * 6);

/** The first day of the 11th lunar month (the one holding the winter solstice) of a Gregorian year. */
function lunarMonth11(year: number): number {
  const offset = julianDay({ year, month: 12, day: 31 }) - 2415021;
  const k = floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a leap year, the position after month 11 of the first month without a major solar term. */
function leapMonthOffset(month11Start: number): number {
  const k = floor((month11Start - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export function toLunar(date: SolarDate): LunarDate {
  const dayNumber = julianDay(date);
  const k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(date.year);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = date.year;
    a11 = lunarMonth11(date.year - 1);
  } else {
    year = date.year + 1;
    b11 = lunarMonth11(date.year + 1);
  }
  const diff = floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day: dayNumber - monthStart + 1, leap };
}

/** The Gregorian date of a lunar date; undefined for a leap month the year does not have. */
export function fromLunar({ year, month, day, leap }: LunarDate): SolarDate | undefined {
  const [a11, b11] =
    month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return undefined;
  }
  return fromJulianDay(newMoonDay(k + offset) + day - 1);
}

/** The first day of the lunar new year (Tết Nguyên Đán) that starts in a Gregorian year. */
export const tetDay = (year: number): SolarDate => fromLunar({ year, month: 1, day: 1, leap: false })!;
