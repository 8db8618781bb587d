import { readFile } from 'node:fs/promises';
import { SourceError } from '../types.js';
import { jsonErrorOffset } from './json.js';

/** Reads a whole source file; a missing or unreadable file becomes a SourceError naming it. */
export async function readSourceFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(path, undefined, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`);
  }
}

export async function readSourceText(path: string): Promise<string> {
  return (await readSourceFile(path)).toString('utf8').replace(/^\uFEFF/, '');
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses JSON; a syntax error becomes a SourceError naming the line where the text stops being valid. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    throw new SourceError(file, offset === null ? undefined : lineAt(text, offset), `malformed JSON: ${(err as Error).message}`);
  }
}
