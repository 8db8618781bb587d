/**
 * The plain name fold used to join records of one target across lists (and to resolve `Linked To:` names):
 * ASCII, lower case, punctuation dropped, tokens sorted. Screening uses its own richer normalization.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`"]/g, '')
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}
