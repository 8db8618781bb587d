import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webRoutes } from '../../src/surfaces/web/static.js';

test('the workbench is served under /app/: cached assets, revalidated pages, SPA fallback, JSON 404 for missing files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-web-static-'));
  try {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Chokepoint</title><script src="/app/assets/index-abc.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);\n'.repeat(200));
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const app = webRoutes(dir);
    const get = (p: string, headers: Record<string, string> = {}) => app.request(p, { headers });

    const root = await get('/');
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/app/');

    for (const page of ['/app/', '/app/screen', '/app/entity/ofac-9345', '/app/timeline']) {
      const r = await get(`${page}?q=x`);
      assert.equal(r.status, 200, page);
      assert.match(r.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(r.headers.get('cache-control'), 'no-cache', `${page}: index.html is revalidated`);
      assert.match(await r.text(), /<title>Chokepoint/);
    }

    const js = await get('/app/assets/index-abc.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await js.text(), 'console.log(1);\n'.repeat(200));

    const gz = await get('/app/assets/index-abc.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');

    const icon = await get('/app/favicon.svg');
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get('cache-control'), 'public, max-age=3600');

    for (const missing of ['/app/assets/nope.js', '/app/nope.png', '/app/../package.json']) {
      const r = await get(missing);
      assert.notEqual(r.status, 200, missing);
      assert.doesNotMatch(await r.text(), /"name": "chokepoint"/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a build, pages say how to build it (503), the API is untouched', async () => {
  const app = webRoutes(join(tmpdir(), 'cp-no-such-web-build'));
  const r = await app.request('/app/');
  assert.equal(r.status, 503);
  assert.match(await r.text(), /npm run build/);
  assert.equal((await app.request('/timeline')).status, 404, 'no page is served outside /app/');
});
