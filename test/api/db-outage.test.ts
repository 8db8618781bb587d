/**
 * The database goes away under a running server (a TCP proxy in front of PostgreSQL is shut, every connection
 * cut) and comes back: /readyz fails and store-backed requests get 503 with a clear body meanwhile, screening from
 * the in-memory index goes on (its audit entries held back), and everything recovers without a restart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort, startServer } from '../helpers/cli.js';
import { TEST_PG_URL, freshPostgres } from '../helpers/db.js';
import { mirrorOf, newestPublication } from '../../bench/lists-fixture.js';

/** A TCP proxy to the PostgreSQL server that can be cut (close every socket, stop listening) and reopened. */
function proxy(port: number, target: URL) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    open: () => new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    }),
    cut: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    }),
  };
}

test('database outage: 503 with a clear body, screening goes on, recovery without a restart', { skip: !TEST_PG_URL && 'CHOKEPOINT_TEST_PG_URL not set' }, async () => {
  const pg = await freshPostgres();
  const target = new URL(pg.url);
  const port = await freePort();
  const via = new URL(pg.url);
  via.hostname = '127.0.0.1';
  via.port = String(port);
  const p = proxy(port, target);
  await p.open();
  const admin = 'outage-test-admin-secret';
  const server = await startServer([], { DATABASE_URL: via.toString(), CHOKEPOINT_MIRROR: mirrorOf({ un: [newestPublication('un')] }, 'cp-outage-mirror-'), CHOKEPOINT_ADMIN_TOKEN: admin });
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
  const match = () => fetch(`${server.url}/match/default`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queries: { q: { schema: 'Organization', properties: { name: ['Korea Mining Development Trading Corporation'] } } } }),
  });
  try {
    assert.equal((await get('/lists')).status, 200);
    await p.cut();

    const ready = await get('/readyz');
    assert.equal(ready.status, 503);
    assert.match(((await ready.json()) as { message: string }).message, /database unavailable/);
    const lists = await get('/lists');
    assert.equal(lists.status, 503);
    assert.match(((await lists.json()) as { message: string }).message, /database/);
    const entity = await get('/entities/un-KPe.001');
    assert.equal(entity.status, 503, 'a store read is a 503, not a 500');
    const m = await match();
    assert.equal(m.status, 200, 'screening answers from the in-memory index');
    const top = ((await m.json()) as { responses: { q: { results: { id: string; match: boolean }[] } } }).responses.q.results[0];
    assert.ok(top.match);

    await p.open();
    let back = 0;
    for (let i = 0; i < 40 && back !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = (await get('/readyz')).status;
    }
    assert.equal(back, 200, 'ready again once the database answers');
    assert.equal((await get('/entities/un-KPe.001')).status, 200);
    // The screening done during the outage reached the audit trail once the database was back.
    let entries: { results: Record<string, { id: string }[]> }[] = [];
    for (let i = 0; i < 20 && !entries.length; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const today = new Date().toISOString().slice(0, 10);
      entries = ((await (await get(`/admin/audit?date=${today}`)).json()) as { entries: typeof entries }).entries;
    }
    assert.ok(entries.some((e) => e.results.q?.[0]?.id === top.id), 'the outage-time screening is in the audit trail');
    assert.doesNotMatch(server.stderr(), /internal error|Unhandled/i);
  } finally {
    await server.stop();
    await p.cut();
    await pg.drop();
  }
});
