import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { downloadPublication } from '../../src/ingest/download.js';
import { importPublication } from '../../src/ingest/update.js';
import { currentVersions } from '../../src/store/versions.js';
import { freshPglite } from '../helpers/db.js';
import { fakeSource, rec } from '../helpers/fake-source.js';
import type { ListSource } from '../../src/sources/types.js';

/** A loopback server standing in for an official site: serves `files`, 404 for anything else. */
async function officialSite(files: Record<string, string>): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

test('fetching from the official URL: downloaded into the mirror layout, then imported with the same parser', async () => {
  const site = await officialSite({ '/list.json': JSON.stringify([rec('1', 'KIM Jong Un'), rec('2', 'RI Yong Gil')]) });
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-dl-'));
  const source: ListSource = { ...fakeSource, files: [{ name: 'list.json', url: `${site.base}/list.json`, required: true }] };
  const db = await freshPglite();
  try {
    const pub = await downloadPublication(source, dataDir, '2026-11-28');
    assert.equal(pub.version, '2026-11-28');
    assert.ok(existsSync(join(dataDir, 'downloads', 'fake', '2026-11-28', 'list.json')));
    assert.deepEqual(readdirSync(join(dataDir, 'downloads', 'fake', '2026-11-28')), ['list.json'], 'no partial file left');
    const o = await importPublication(db, pub);
    assert.equal(o.outcome, 'imported');
    assert.equal(o.records, 2);
    assert.match((await currentVersions(db))[0].origin, /^download:/);
  } finally {
    await db.close();
    await site.close();
  }
});

test('a failed download of a required file is an error naming the file and the URL; nothing is left behind', async () => {
  const site = await officialSite({});
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-dl-'));
  const source: ListSource = { ...fakeSource, files: [{ name: 'list.json', url: `${site.base}/list.json`, required: true }] };
  try {
    await assert.rejects(downloadPublication(source, dataDir, '2026-11-28'), /could not download list\.json from http:\/\/127\.0\.0\.1:\d+\/list\.json: HTTP 404/);
    assert.deepEqual(readdirSync(join(dataDir, 'downloads', 'fake', '2026-11-28')), []);
  } finally {
    await site.close();
  }
});
