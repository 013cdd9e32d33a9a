/**
 * The value conventions both drivers share, so PGlite and PostgreSQL return identical rows and
 * read parameters identically: int8 and numeric as numbers, timestamps as ISO 8601 UTC text (the
 * way instants are stored), date and interval as PostgreSQL's text, jsonb parsed.
 */

export type TextParser = (text: string) => unknown;

/** Type oids (pg_type.oid) the shared parsers cover. */
export const OID = {
  bytea: 17,
  int8: 20,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  numeric: 1700,
} as const;

const asText: TextParser = (text) => text;

/**
 * Parsers for the text format of the types where the drivers' defaults differ or are not
 * JSON-friendly. int8 and numeric become numbers: exact up to 2^53, which covers counts,
 * sequences and money in cents; wider values lose precision.
 */
export const TEXT_PARSERS: Readonly<Record<number, TextParser>> = {
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.timestamp]: parseTimestamp,
  [OID.timestamptz]: parseTimestamp,
  [OID.date]: asText,
  [OID.interval]: asText,
};

/** The array types of the types above, by element type (node-postgres parses arrays by oid). */
export const ARRAY_OF: Readonly<Record<number, number>> = {
  1016: OID.int8,
  1231: OID.numeric,
  1115: OID.timestamp,
  1185: OID.timestamptz,
  1182: OID.date,
  1187: OID.interval,
};

const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$/;

/**
 * PostgreSQL's ISO text for a timestamp or timestamptz as `Date#toISOString()` text (millisecond
 * precision, UTC), the form instants are stored in. A timestamp without time zone is read as UTC.
 * Values outside that form (infinity, BC dates, years past 9999) stay as PostgreSQL wrote them.
 */
export function parseTimestamp(text: string): string {
  const match = TIMESTAMP.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHours = '0', offsetMinutes = '0', offsetSeconds = '0'] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offset = (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds)) * 1000;
  const utc = date.getTime() - (sign === '-' ? -offset : offset);
  if (!Number.isFinite(utc) || Math.abs(utc) > 8.64e15) return text;
  return new Date(utc).toISOString();
}

/**
 * Parameters as both drivers should see them: undefined as null, dates as ISO 8601 UTC text and
 * plain objects as JSON text. Arrays, strings, numbers, booleans, bigints and bytes go to the
 * driver unchanged; pass jsonb arrays as `JSON.stringify(value)` (node-postgres would send a JS
 * array as a PostgreSQL array).
 */
export function prepareParams(params: readonly unknown[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((value) => {
    if (value === undefined || value === null) return null;
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) return JSON.stringify(value);
    return value;
  });
}
