/** Display helpers. */

export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en'));
export const fmtScore = (n: number) => n.toFixed(2);

const COUNTRY = typeof Intl !== 'undefined' && 'DisplayNames' in Intl ? new Intl.DisplayNames(['en'], { type: 'region' }) : undefined;
/** "kp" → "North Korea (kp)". */
export function country(code: string): string {
  try {
    const name = COUNTRY?.of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Days between two YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** "propName" → "Prop name". */
export function label(prop: string): string {
  const s = prop.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
