import { readFileSync } from 'node:fs';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListSource } from '../../src/sources/types.js';
import { SourceError } from '../../src/sources/types.js';
import type { SourceRecord } from '../../src/model/types.js';

/** A list source whose publications are JSON files of records: tests the ingest pipeline without a real parser. */
export const fakeSource: ListSource = {
  name: 'fake', dataset: 'fake_list', title: 'Fake list', prefix: 'fake', mirrorDir: 'fake', folderPattern: /^\d{4}-\d{2}-\d{2}$/,
  files: [{ name: 'list.json', url: 'http://127.0.0.1:9/list.json', required: true }],
  async parse(files) {
    const path = files['list.json'];
    if (!path) throw new SourceError('list.json', undefined, 'missing');
    try {
      return { records: JSON.parse(readFileSync(path, 'utf8')) as SourceRecord[], warnings: [] };
    } catch (err) {
      throw new SourceError(path, 1, (err as Error).message);
    }
  },
};

export function rec(id: string, name: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return {
    id: `fake-${id}`, source: 'fake', recordId: id, schema: 'Person', caption: name, properties: { name: [name] },
    sanctions: [{ authority: 'OFAC', programs: ['DPRK3'] }], links: [], ...extra,
  };
}

/** Writes publications into a temporary mirror: { '2024-01-01': records | raw text }. */
export function fakeMirror(pubs: Record<string, SourceRecord[] | string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cp-mirror-'));
  for (const [date, content] of Object.entries(pubs)) {
    const dir = join(root, 'fake', date);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'list.json'), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}
