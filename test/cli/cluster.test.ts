import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServer } from '../helpers/cli.js';
import { TEST_PG_URL, freshPostgres } from '../helpers/db.js';
import { mirrorOf } from '../../bench/lists-fixture.js';

async function waitFor(what: string, ms: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Ready { process: number; index: { versions: string[] } }

/** Asks /readyz on fresh connections until every process has answered once (the cluster spreads connections). */
async function processes(url: string, tries = 40): Promise<Map<number, string[]>> {
  const seen = new Map<number, string[]>();
  for (let i = 0; i < tries; i++) {
    const r = await fetch(`${url}/readyz`, { headers: { connection: 'close' } }).catch(() => undefined);
    if (r?.status === 200) {
      const body = (await r.json()) as Ready;
      seen.set(body.process, body.index.versions);
    }
  }
  return seen;
}

test('serve --workers above 1 needs PostgreSQL, and says so', () => {
  const r = runCli(['serve', '--workers', '2'], { CHOKEPOINT_DATA: mkdtempSync(join(tmpdir(), 'cp-cluster-')), DATABASE_URL: '' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--workers above 1 needs a PostgreSQL server \(set DATABASE_URL\)/);
});

test('two API processes on one port over PostgreSQL: both answer, a killed one is replaced, a list update reaches both', { skip: !TEST_PG_URL && 'CHOKEPOINT_TEST_PG_URL not set' }, async () => {
  const pg = await freshPostgres();
  const env = { DATABASE_URL: pg.url, CHOKEPOINT_MIRROR: mirrorOf({ ofac: ['2023-12-28'], un: ['2024-09-26'] }, 'cp-cluster-mirror-') };
  const server = await startServer([], env, 300_000, ['--workers', '2', '--reload-seconds', '1']);
  try {
    await waitFor('both processes ready', 120_000, () => /all 2 API processes ready/.test(server.stderr()));
    const before = await processes(server.url);
    assert.equal(before.size, 2, `two processes answered: ${[...before.keys()]}`);
    for (const v of before.values()) assert.deepEqual(v, ['ofac@2023-12-28', 'un@2024-09-26']);

    const body = JSON.stringify({ queries: { q: { schema: 'Vessel', properties: { name: ['Chong Chon Gang'] } } } });
    const match = async () => (await fetch(`${server.url}/match/default`, { method: 'POST', body, headers: { 'content-type': 'application/json', connection: 'close' } }));
    const m = await match();
    assert.equal(m.status, 200);
    const top = ((await m.json()) as { responses: { q: { results: { caption: string; match: boolean }[] } } }).responses.q.results[0];
    assert.ok(top.match && /CHONG CHON GANG/.test(top.caption), JSON.stringify(top));

    // A process dies: the primary starts another; the port keeps answering meanwhile.
    const [victim] = before.keys();
    process.kill(victim, 'SIGKILL');
    await waitFor('a replacement process', 60_000, () => new RegExp(`API process ${victim} stopped \\(SIGKILL\\): starting another`).test(server.stderr()));
    assert.equal((await match()).status, 200);
    await waitFor('the replacement ready', 120_000, async () => {
      const now = await processes(server.url, 10);
      return now.size === 2 && !now.has(victim);
    });

    // Another process stores a newer OFAC list: both API processes rebuild their index from it.
    const up = runCli(['update', '--mirror', mirrorOf({ ofac: ['2024-05-03'] }, 'cp-cluster-mirror-')], { DATABASE_URL: pg.url });
    assert.equal(up.status, 0, up.stderr);
    await waitFor('both processes on the new list', 120_000, async () => {
      const now = await processes(server.url, 10);
      return now.size === 2 && [...now.values()].every((v) => v.includes('ofac@2024-05-03'));
    });
    assert.match(server.stderr(), /lists changed: screening index rebuilt from ofac@2024-05-03/);
  } finally {
    await server.stop();
    await pg.drop();
  }
});
