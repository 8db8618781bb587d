import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { SourceError } from '../types.js';

/**
 * A streaming XML record reader on saxes, shared by the UN, UK FCDO and EU parsers (it lives here because the
 * UN parser needed it first; it knows nothing about any list).
 *
 * The file is read in chunks and decoded as strict UTF-8; only the elements named as records are kept in memory,
 * each as a small tree handed to `onRecord` when it closes. Everything that can go wrong with the input becomes a
 * SourceError naming the file and the line: malformed or truncated XML, the wrong root element, UTF-16 bytes,
 * a declared encoding other than UTF-8, or bytes that are not UTF-8 (a re-encoded Latin-1 copy).
 */

/** One element of a record. Names are local names: a namespace prefix is dropped. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data directly inside this element (children's text not included), untrimmed. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export interface XmlReadOptions {
  /** What the file should be, for messages: 'UN consolidated list'. */
  format: string;
  /** Accepted local names of the root element. */
  roots: string[];
  /** Local names of the elements returned whole, wherever they occur outside another record. */
  records: ReadonlySet<string>;
  onRoot?: (attrs: Record<string, string>, line: number) => void;
  onRecord: (node: XmlNode) => void;
}

const WHITESPACE_ONLY = /^\s*$/;
/**
 * Deepest nesting accepted inside a record. The official files nest four or five levels; a record nested thousands
 * deep is not one of these lists, and walking its tree would exhaust the stack (found by fuzzing, issue #9).
 */
export const MAX_RECORD_DEPTH = 64;
const ACCEPTED_ENCODINGS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Rejects byte patterns that are certainly not UTF-8 XML, before any parsing. */
function checkLeadingBytes(file: string, head: Buffer, format: string): void {
  const b0 = head[0], b1 = head[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const bom = b0 === 0xff ? 'FF FE, UTF-16 little-endian' : 'FE FF, UTF-16 big-endian';
    throw new SourceError(file, 1, `the file is UTF-16 encoded (byte-order mark ${bom}); the ${format} is published as UTF-8: download it again or convert it to UTF-8`);
  }
  if (head.length >= 2 && ((b0 === 0x00 && b1 === 0x3c) || (b0 === 0x3c && b1 === 0x00))) {
    throw new SourceError(file, 1, `the file looks UTF-16 encoded (no byte-order mark, NUL bytes between characters); the ${format} is published as UTF-8`);
  }
  const start = head.subarray(0, 300).toString('latin1');
  const decl = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(start);
  if (decl && !ACCEPTED_ENCODINGS.has(decl[1].toLowerCase())) {
    throw new SourceError(file, 1, `the XML declaration states encoding "${decl[1]}"; the ${format} is published as UTF-8`);
  }
}

/** Line of the first byte that is not UTF-8 in `chunk`, counted from `lineAtChunkStart`. */
function badByteLine(chunk: Buffer, lineAtChunkStart: number): { line: number; byte?: string } {
  const lenient = new TextDecoder('utf-8').decode(chunk);
  const at = lenient.indexOf('\uFFFD');
  if (at < 0) return { line: lineAtChunkStart };
  let line = lineAtChunkStart;
  for (let i = 0; i < at; i++) if (lenient.charCodeAt(i) === 10) line++;
  // The byte offset of the first bad byte: re-encode the good prefix.
  const offset = Buffer.byteLength(lenient.slice(0, at), 'utf8');
  const byte = offset < chunk.length ? `0x${chunk[offset].toString(16).toUpperCase().padStart(2, '0')}` : undefined;
  return { line, byte };
}

/** Length of `buf` without a trailing, incomplete UTF-8 sequence (at most 3 bytes are held back). */
function completeUtf8Length(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > buf.length - i ? i : buf.length;
}

/** Reads `path`, calling `onRoot` once and `onRecord` for each record element, in document order. */
export async function readXmlRecords(path: string, opts: XmlReadOptions): Promise<void> {
  if (!existsSync(path)) throw new SourceError(path, undefined, 'file not found');
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  // Names and lines of every open element, for error messages ('inside <SECOND_NAME> opened on line 8').
  const openNames: string[] = [];
  const openLines: number[] = [];
  let lastClosedName = '';
  let lastClosedLine = 0;
  let sawRoot = false;

  const fail = (reason: string, line = parser.line): never => {
    throw new SourceError(path, line, reason);
  };

  parser.on('error', (err: Error) => {
    // saxes formats messages as "line:column: message" when no fileName is given.
    const msg = err.message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
    const depth = openNames.length;
    // On a mismatched close tag saxes has already closed the element that was open: name that one.
    const inside = /unexpected close tag/.test(msg) && lastClosedName
      ? ` where </${lastClosedName}> was expected (<${lastClosedName}> opened on line ${lastClosedLine})`
      : depth ? ` inside <${openNames[depth - 1]}> (opened on line ${openLines[depth - 1]})` : '';
    if (/^unclosed tag/.test(msg) && depth) {
      fail(`the file ends inside <${openNames[depth - 1]}> (opened on line ${openLines[depth - 1]}): it is truncated`);
    }
    fail(`malformed XML at column ${parser.column}: ${msg}${inside}`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    // saxes reports the line after the start tag has been read; a tag spanning lines is rare in these lists.
    const line = parser.line;
    if (!tag.isSelfClosing) {
      openNames.push(name);
      openLines.push(line);
    }
    if (!sawRoot) {
      sawRoot = true;
      if (!opts.roots.includes(name)) {
        fail(`root element <${name}> is not <${opts.roots.join('> or <')}>: this is not the ${opts.format}`, line);
      }
      opts.onRoot?.(tag.attributes, line);
      return;
    }
    if (stack.length === 0 && !opts.records.has(name)) return;
    if (stack.length >= MAX_RECORD_DEPTH) {
      fail(`elements nested more than ${MAX_RECORD_DEPTH} deep inside <${stack[0].name}> (opened on line ${stack[0].line}): this is not the ${opts.format}`, line);
    }
    const node: XmlNode = { name, attrs: tag.attributes, children: [], text: '', line };
    if (stack.length) stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text: string) => {
    // Indentation between elements is dropped here rather than trimmed later: it is most of the text events.
    if (stack.length && (stack[stack.length - 1].text || !WHITESPACE_ONLY.test(text))) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text: string) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      lastClosedName = openNames.pop() ?? '';
      lastClosedLine = openLines.pop() ?? 0;
    }
    if (!stack.length) return;
    const node = stack.pop()!;
    if (!stack.length) opts.onRecord(node);
  });

  // Chunks are checked with the native UTF-8 validator and decoded whole; a character split across two chunks
  // is carried over to the next one.
  let carry: Buffer | undefined;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    if (first) {
      checkLeadingBytes(path, chunk, opts.format);
      first = false;
    }
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeUtf8Length(buf);
    const part = buf.subarray(0, cut);
    carry = cut < buf.length ? buf.subarray(cut) : undefined;
    if (!isUtf8(part)) {
      const at = badByteLine(part, parser.line);
      fail(`bytes that are not UTF-8${at.byte ? ` (${at.byte})` : ''}: the file looks re-encoded (Latin-1 or Windows-1252?); the ${opts.format} is published as UTF-8`, at.line);
    }
    parser.write(part.toString('utf8'));
  }
  if (carry) fail(`the file ends inside a multi-byte character: truncated, or not UTF-8`);
  parser.close();
  if (!sawRoot) fail(`the file holds no XML element: it is empty or not the ${opts.format}`);
}

// ---- small queries over a record tree -------------------------------------------------------------------

/** Trimmed text of a node (own character data only). */
export function text(node: XmlNode | undefined): string {
  return node ? node.text.trim() : '';
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Trimmed text of the first child called `name`. */
export function childText(node: XmlNode, name: string): string {
  return text(child(node, name));
}

/** An attribute, or else the text of a child element of that name (formats are described both ways). */
export function attrOrChild(node: XmlNode, name: string): string {
  const a = node.attrs[name];
  if (a !== undefined && a.trim()) return a.trim();
  return childText(node, name);
}

/** All text in a subtree, joined with spaces (for keeping an unknown element's content). */
export function allText(node: XmlNode): string {
  // Iterative (document order), so no tree depth can exhaust the stack.
  const parts: string[] = [];
  const todo: XmlNode[] = [node];
  for (let n = todo.pop(); n; n = todo.pop()) {
    const t = n.text.trim();
    if (t) parts.push(t);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]);
  }
  return parts.join(' ');
}
