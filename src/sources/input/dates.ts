/**
 * Dates as people type them in customer files → ISO 8601 at the precision given (1960, 1960-05, 1960-05-01).
 * Numeric day/month orders are ambiguous (01/05/1960): `order` decides, unless only one reading is a real date.
 */
export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

function isoDay(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

function isoMonth(y: number, m: number | undefined): string | undefined {
  return m !== undefined && y >= 1800 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : undefined;
}

/** One date, or undefined when the text is not a date this reader understands. */
export function parseDate(text: string, order: DateOrder = 'dmy'): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1800 && Number(m[1]) <= 2100 ? m[1] : undefined;
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return isoMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dmy = isoDay(y, b, a), mdy = isoDay(y, a, b);
    return order === 'dmy' ? dmy ?? mdy : mdy ?? dmy;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})$/.exec(t);
  if (m) return monthOf(m[2]) ? isoDay(Number(m[3]), monthOf(m[2])!, Number(m[1])) : undefined;
  m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) return monthOf(m[1]) ? isoDay(Number(m[3]), monthOf(m[1])!, Number(m[2])) : undefined;
  m = /^([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(t);
  if (m) return isoMonth(Number(m[2]), monthOf(m[1]));
  m = /^(\d{4}) ?년 ?(\d{1,2}) ?월(?: ?(\d{1,2}) ?일)?$/.exec(t);
  if (m) return m[3] ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : isoMonth(Number(m[1]), Number(m[2]));
  return undefined;
}
