/**
 * The staged U.S. Code text (`<shared>/law/`): 22 U.S.C. chapter 99 and 46 U.S.C. 70022 in markdown chunks of about
 * one subsection each, with an INDEX.csv naming each chunk's section and subsection and flagging mandatory wording.
 *
 * This module reads those files and answers one question: the exact text at an anchor such as
 * `22 U.S.C. 9214(a)(12)` or `46 U.S.C. 70022(c)(1)(A)`. It holds no legal judgement: the provisions the mandates
 * analysis encodes live in src/analyses/mandates/provisions.ts, each quoting the text this module returns.
 * No database access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SourceError } from '../types.js';

export interface LawIndexRow {
  /** Path of the chunk relative to the law folder, e.g. 'usc-title22-ch99/chunck-6899.md'. */
  file: string;
  title: number;
  section: string;
  sectionHeading: string;
  /** As the index writes it: '(a) Mandatory designations', or '' for a section without subsections. */
  subsection: string;
  /** The subsection's marker, e.g. '(a)', or '' when none. */
  marker: string;
  chars: number;
  shallDesignate: boolean;
  shallImpose: boolean;
  shallProhibit: boolean;
  mayDesignate: boolean;
  /** 1-based line of the row in INDEX.csv. */
  line: number;
}

/** A chunk read: its headings and its body as paragraphs (blank-line separated, whitespace folded). */
export interface LawChunk {
  row: LawIndexRow;
  /** '§ 9214. Designation of persons' */
  sectionLine: string;
  /** '(a) Mandatory designations' */
  subsectionLine: string;
  paragraphs: string[];
}

/** A parsed anchor: '22 U.S.C. 9214(a)(12)' -> { title: 22, section: '9214', path: ['(a)', '(12)'] }. */
export interface LawAnchor {
  title: number;
  section: string;
  path: string[];
}

export interface AnchorText {
  anchor: string;
  file: string;
  /** The chunk's subsection heading, e.g. '(a) Mandatory designations'. */
  heading: string;
  /** Paragraphs of the anchored text, whitespace folded. */
  paragraphs: string[];
  text: string;
  /**
   * The words that lead into the anchored text from the enclosing levels, outermost first: the subsection's opening
   * words ("... the President shall designate ... any person that the President determines") and each enclosing
   * paragraph's own words ("(A) knowingly ... of significant quantities of"). Empty for a whole subsection.
   */
  context: string[];
}

const bool = (v: string) => v.trim().toLowerCase() === 'true';

/** Folds runs of whitespace (and the chunker's space before punctuation) so quotes compare as text. */
export function foldText(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/ ([,;.:)])/g, '$1').replace(/\( /g, '(').trim();
}

export function parseAnchor(anchor: string): LawAnchor {
  const m = /^\s*(\d+)\s+U\.S\.C\.\s+(?:§\s*)?(\d+[a-z]?)((?:\([0-9A-Za-z]+\))*)\s*$/.exec(anchor);
  if (!m) throw new Error(`not a U.S. Code anchor: '${anchor}' (expected e.g. '22 U.S.C. 9214(a)(12)')`);
  return { title: Number(m[1]), section: m[2], path: m[3] ? m[3].match(/\([0-9A-Za-z]+\)/g)! : [] };
}

type MarkerKind = 'num' | 'upper' | 'roman' | 'ROMAN' | 'lower';

/** Kind of a paragraph marker; `prev` (the enclosing level's kind) tells (I) the subclause from (I) the letter. */
function markerKind(marker: string, prev?: MarkerKind): MarkerKind {
  const inner = marker.slice(1, -1);
  if (/^\d+$/.test(inner)) return 'num';
  if (/^[ivxl]+$/.test(inner)) return 'roman';
  if (/^[IVXL]+$/.test(inner) && (prev === 'roman' || prev === 'ROMAN')) return 'ROMAN';
  if (/^[A-Z]+$/.test(inner)) return 'upper';
  return 'lower';
}

function leadingMarker(p: string): string | undefined {
  return /^(\([0-9A-Za-z]+\))/.exec(p)?.[1];
}

/** The staged law folder: INDEX.csv and the chunk files, read once. */
export class LawText {
  readonly rows: LawIndexRow[];
  private readonly chunks = new Map<string, LawChunk>();

  constructor(readonly dir: string) {
    const indexPath = join(dir, 'INDEX.csv');
    if (!existsSync(indexPath)) throw new SourceError(indexPath, undefined, 'the staged law index is missing (set CHOKEPOINT_LAW or CHOKEPOINT_SHARED_DATA)');
    let raw: Record<string, string>[];
    try {
      raw = parse(readFileSync(indexPath, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    } catch (err) {
      throw new SourceError(indexPath, undefined, (err as Error).message);
    }
    const need = ['file', 'usc_title', 'section', 'section_heading', 'subsection', 'chars', 'has_shall_designate', 'has_shall_impose', 'has_shall_prohibit', 'has_may_designate'];
    const missing = need.filter((c) => raw.length && !(c in raw[0]));
    if (missing.length) throw new SourceError(indexPath, 1, `missing column(s) ${missing.join(', ')}`);
    this.rows = raw.map((r, i) => ({
      file: r.file, title: Number(r.usc_title), section: r.section, sectionHeading: r.section_heading, subsection: r.subsection,
      marker: /^\(([0-9A-Za-z]+)\)/.exec(r.subsection)?.[0] ?? '', chars: Number(r.chars),
      shallDesignate: bool(r.has_shall_designate), shallImpose: bool(r.has_shall_impose), shallProhibit: bool(r.has_shall_prohibit),
      mayDesignate: bool(r.has_may_designate), line: i + 2,
    }));
  }

  /** Reads one chunk: headings and paragraphs; the next subchapter's heading the chunker left at the end is dropped. */
  chunk(file: string): LawChunk {
    const known = this.chunks.get(file);
    if (known) return known;
    const row = this.rows.find((r) => r.file === file);
    if (!row) throw new SourceError(join(this.dir, file), undefined, 'not in INDEX.csv');
    const path = join(this.dir, file);
    if (!existsSync(path)) throw new SourceError(path, undefined, 'chunk file missing');
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    let sectionLine = '';
    let subsectionLine = '';
    const paragraphs: string[] = [];
    let cur: string[] = [];
    const flush = () => { if (cur.length) paragraphs.push(foldText(cur.join(' '))); cur = []; };
    for (const line of lines) {
      const h = /^(#+)\s*(.*)$/.exec(line);
      if (h) {
        flush();
        if (h[2].startsWith('§')) sectionLine = foldText(h[2]);
        else if (/^\(/.test(h[2])) subsectionLine = foldText(h[2]);
        continue;
      }
      if (!line.trim()) { flush(); continue; }
      if (/^(SUBCHAPTER|CHAPTER|PART)\s+[IVXLC\d]+\b/.test(line.trim())) { flush(); continue; }
      cur.push(line.trim());
    }
    flush();
    const c = { row, sectionLine, subsectionLine, paragraphs };
    this.chunks.set(file, c);
    return c;
  }

  /** Index rows of a section ('9214'), in file order. */
  section(title: number, section: string): LawIndexRow[] {
    return this.rows.filter((r) => r.title === title && r.section === section);
  }

  /**
   * The exact text at an anchor. The first path element picks the chunk (the subsection); each further element is
   * found after the one before it; the text runs to the next paragraph of the same or an enclosing level.
   */
  text(anchor: string): AnchorText {
    const a = parseAnchor(anchor);
    const rows = this.section(a.title, a.section);
    if (!rows.length) throw new SourceError(join(this.dir, 'INDEX.csv'), undefined, `no staged text for ${a.title} U.S.C. ${a.section}`);
    let row = rows.find((r) => r.marker && r.marker === a.path[0]);
    let rest = a.path.slice(1);
    if (!row) {
      // A section without subsections (one chunk, marker ''): the whole path is inside it.
      row = rows.find((r) => r.marker === '');
      rest = a.path;
      if (!row) throw new SourceError(join(this.dir, 'INDEX.csv'), undefined, `no staged text for ${anchor}: the section's subsections are ${rows.map((r) => r.marker || '(none)').join(', ')}`);
    }
    const c = this.chunk(row.file);
    let from = 0;
    let to = c.paragraphs.length;
    const kinds: MarkerKind[] = [];
    const context: string[] = [];
    // A level's own words: from `start` up to its first marked child paragraph (the paragraph at `start` itself may be marked).
    const lead = (start: number, end: number, startMarked: boolean) => {
      const out: string[] = [];
      for (let i = start; i < end; i++) {
        if (leadingMarker(c.paragraphs[i]) && !(startMarked && i === start)) break;
        out.push(c.paragraphs[i]);
      }
      return out;
    };
    if (rest.length) context.push(...lead(0, to, false));
    for (const m of rest) {
      if (kinds.length) context.push(...lead(from, to, true));
      const kind = markerKind(m, kinds[kinds.length - 1]);
      let found = -1;
      for (let i = from; i < to; i++) if (leadingMarker(c.paragraphs[i]) === m) { found = i; break; }
      if (found < 0) throw new SourceError(join(this.dir, row.file), undefined, `${anchor}: paragraph ${m} not found`);
      kinds.push(kind);
      let end = to;
      // Classify each later marker by the one before it: (I) after (i) is a subclause, after (H) the letter I.
      let prevKind: MarkerKind = kind;
      for (let i = found + 1; i < to; i++) {
        const lm = leadingMarker(c.paragraphs[i]);
        if (!lm) continue;
        const k = markerKind(lm, prevKind);
        prevKind = k;
        if (kinds.includes(k)) { end = i; break; }
      }
      from = found;
      to = end;
    }
    const paragraphs = c.paragraphs.slice(from, to);
    return { anchor, file: row.file, heading: c.subsectionLine, paragraphs, text: paragraphs.join('\n\n'), context };
  }

  /** Whether `quote` occurs (whitespace folded) in the text at `anchor`. */
  quotes(anchor: string, quote: string): boolean {
    return foldText(this.text(anchor).paragraphs.join(' ')).includes(foldText(quote));
  }
}

/** The staged law folder: CHOKEPOINT_LAW, else `<shared data>/law`. */
export function lawDir(sharedData: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.CHOKEPOINT_LAW ?? join(sharedData, 'law');
}
