/** What parsing needs from outside, passed in so the parsers stay pure: reference data and the date. */
export interface ParseContext {
  /** Birth-registration province codes (first three CCCD digits), from reference data. */
  provinceCodes: ReadonlySet<string>;
  /** Today, YYYY-MM-DD, in Vietnam's time zone: no birth or issue date may be later. */
  today: string;
}
