import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { startServer } from '../helpers/cli.js';
import { chromiumMissing, launch, openPage, screenshot, type Browser } from './browser.js';

/**
 * The web workbench in Debian's chromium against `chokepoint serve` on the real staged lists: every page loads
 * without console errors at 1280×800 and 390 px wide (screenshots in test-output/screenshots/), search → entity →
 * network, the timeline's 2017 launches, a batch file screened and its result downloaded, an AIS file loaded and
 * its events drawn on the map.
 */

const mirror = join(sharedDataDir(), 'lists');
const aisSample = join(sharedDataDir(), 'ais', 'nmea-samples', 'test_data_20211101.nm4');
const built = join(packageRoot(), 'dist', 'web', 'index.html');
const skip = chromiumMissing() || (!existsSync(mirror) && `no staged lists at ${mirror}`) || (!existsSync(built) && 'the web bundle is not built (npm run build:web)');

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let data: string;
/** The server's bootstrap admin token: changes (suppressions, AIS uploads) need a token even from this machine. */
const TOKEN = `web-test-${process.pid}-${Date.now()}`;

before(async () => {
  if (skip) return;
  data = mkdtempSync(join(tmpdir(), 'cp-web-'));
  server = await startServer([], { CHOKEPOINT_DATA: data, CHOKEPOINT_MIRROR: mirror, CHOKEPOINT_ADMIN_TOKEN: TOKEN });
  browser = await launch();
}, { timeout: 400_000 });

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

const PAGES: { name: string; path: string; ready: string }[] = [
  { name: 'dashboard', path: '/app/', ready: '.plot svg' },
  { name: 'screen', path: '/app/screen?q=Lee%20Young-kil', ready: '.result' },
  { name: 'entity', path: '/app/entity/ofac-9345', ready: '.graph canvas' },
  { name: 'timeline', path: '/app/timeline?from=2017-01-01&to=2017-12-31', ready: '[data-marks]' },
  { name: 'lists', path: '/app/lists?from=un%402026-02-27&to=un%402026-05-08', ready: 'text=unchanged' },
  { name: 'maritime', path: '/app/maritime', ready: '.map[data-ready=true]' },
  { name: 'gaps', path: '/app/gaps', ready: 'text=Provisions' },
];

/** Records layout shifts (CLS) from the first paint on. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('every page loads without console errors, at 1280×800 and 390 px wide', { skip, timeout: 600_000 }, async (t) => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    for (const p of PAGES) {
      await t.test(`${p.name} at ${width} px`, async () => {
        const { page, problems } = await openPage(browser, width, height);
        await watchShifts(page);
        await page.goto(server.url + p.path);
        await page.waitForSelector(p.ready, { timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
        await screenshot(page, `${p.name}-${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.close();
        assert.deepEqual(problems, [], `${p.name}: console errors`);
        assert.ok(overflow <= 1, `${p.name} at ${width} px is ${overflow} px wider than the screen`);
        assert.ok(cls < 0.1, `${p.name} at ${width} px: layout shift ${cls.toFixed(3)} (should stay under 0.1)`);
      });
    }
  }
});

test('an unknown entity and an unknown page show a clear message', { skip }, async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/entity/ofac-0`);
  await page.getByText('Could not load entity ofac-0').waitFor();
  await screenshot(page, 'entity-not-found-1280');
  await page.goto(`${server.url}/app/nowhere`);
  await page.getByText('No page at /nowhere').waitFor();
  await page.close();
  assert.ok(problems.every((p) => /404/.test(p)), problems.join('\n'));
});

test('search → result → entity page → network', { skip, timeout: 120_000 }, async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/screen`);
  const box = page.locator('input[name=q]');
  await box.fill('Korea Mining Development Trading');
  await box.press('Enter');
  await page.waitForURL(/q=Korea/);
  const top = page.locator('.result').first();
  await top.locator('.result-title').waitFor();
  assert.match(await top.locator('.result-title').innerText(), /KOREA MINING DEVELOPMENT TRADING CORPORATION/);
  assert.match(await top.innerText(), /Why \d\.\d\d/, 'the explanation is shown');
  await top.locator('.result-title').click();
  await page.waitForURL(/\/app\/entity\/ofac-9345/);
  await page.getByRole('heading', { level: 1, name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' }).waitFor();
  assert.match(await page.locator('body').innerText(), /un-KPe\.001/, 'the UN referent is listed');
  const graph = page.locator('.graph[data-nodes]');
  await graph.waitFor({ timeout: 30_000 });
  assert.ok(Number(await graph.getAttribute('data-nodes')) > 1, 'the network has neighbours');
  assert.ok(await page.locator('.graph canvas').count() > 0, 'sigma drew on canvas');
  await page.getByRole('link', { name: /HWANG, Su Man/ }).first().click();
  await page.waitForURL(/\/app\/entity\/ofac-18552/);
  await page.goBack();
  await page.waitForURL(/\/app\/entity\/ofac-9345/);
  await page.close();
  assert.deepEqual(problems, []);
});

test('a reviewed hit can be suppressed with a reason', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/screen?q=Chong%20Chon%20Gang&schema=Vessel`);
  const top = page.locator('.result').first();
  await top.getByRole('button', { name: /suppress/ }).click();
  await top.getByRole('textbox').fill('our vessel is a different ship, IMO 9999999');
  await top.getByRole('button', { name: 'Suppress hit' }).click();
  // Without a token the server refuses the change; the page asks for one, and the second try goes through.
  const ask = top.getByRole('alert', { name: 'API token' });
  await ask.waitFor();
  await ask.getByLabel('API token').fill(TOKEN);
  await ask.getByRole('button', { name: 'Use token' }).click();
  await top.getByRole('button', { name: 'Suppress hit' }).click();
  await page.locator('.result.suppressed').getByText('our vessel is a different ship').waitFor();
  const stored = (await (await fetch(`${server.url}/suppressions?query=CHONG%20CHON%20GANG`)).json()) as { suppressions: { entity: string }[] };
  assert.deepEqual(stored.suppressions.map((s) => s.entity), ['ofac-17069']);
  await screenshot(page, 'screen-suppressed-1280');
  await page.close();
  assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), [], 'no console error but the refusal asked for');
});

test('the timeline shows 2017\'s launches, each linked to its evidence', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/timeline?from=2017-01-01&to=2017-12-31`);
  const rows = page.locator('table tr', { hasText: 'Ballistic launch' });
  await rows.first().waitFor();
  const dates = await rows.locator('td:first-child').allInnerTexts();
  assert.ok(dates.length >= 15, `${dates.length} ballistic launch days in 2017`);
  assert.ok(dates.every((d) => d.startsWith('2017-')), dates.join());
  for (const d of ['2017-07-04', '2017-07-28', '2017-11-29']) assert.ok(dates.includes(d), `ICBM launch ${d}`);
  assert.ok(Number(await page.locator('svg[data-marks]').getAttribute('data-marks')) >= 20, 'marks drawn');
  await page.locator('tr', { hasText: '2017-07-04' }).click();
  await page.waitForURL(/sel=/);
  const panel = page.locator('aside.panel');
  await panel.getByText('Evidence (').waitFor();
  assert.match(await panel.innerText(), /Response lag/);
  await page.locator('tr', { hasText: '2017-09-03' }).focus();
  await page.keyboard.press('Enter');
  await panel.getByRole('heading', { name: /nuclear test/ }).waitFor();
  await screenshot(page, 'timeline-evidence-1280');
  await page.close();
  assert.deepEqual(problems, []);
});

test('a batch CSV upload returns a result file', { skip, timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-batch-'));
  const input = join(dir, 'customers.csv');
  writeFileSync(input, 'id,name,type,date of birth\nc1,Lee Young-kil,individual,1955\nc2,Chong Chon Gang,vessel,\nc3,Jane Q. Nobody,individual,1990-04-01\nc4,,individual,\n');
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/screen`);
  await page.locator('input[type=file]').setInputFiles(input);
  await page.getByRole('button', { name: 'Upload and screen' }).click();
  const link = page.getByRole('link', { name: 'Download the result CSV' });
  await link.waitFor({ timeout: 60_000 });
  assert.match(page.url(), /job=/, 'the job is in the address');
  await screenshot(page, 'screen-batch-1280');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const out = join(dir, 'result.csv');
  await download.saveAs(out);
  const text = readFileSync(out, 'utf8');
  const lines = text.trim().split(/\r?\n/);
  assert.match(lines[0], /^line,id,query,schema,match_id/);
  assert.equal(lines.length, 5, text);
  assert.match(text, /c1,Lee Young-kil,Person,ofac-33936/);
  assert.match(lines[2], /^3,c2,Chong Chon Gang,Vessel,/);
  assert.match(lines[2], /ofac-17069: our vessel is a different ship/, 'the hit suppressed in the previous test is kept out, and recorded');
  assert.match(lines[4], /c4/, 'the malformed row is reported, not dropped');
  await page.close();
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(problems, []);
});

/**
 * A small AIS CSV of our own: two ships steam to a point in Korea Bay (a reported STS hotspot), lie together under
 * 1 kn, 100 m apart, for five hours, and leave: a ship-to-ship encounter.
 */
function encounterCsv(): string {
  const rows = ['mmsi,timestamp,lat,lon,sog,cog,heading,nav_status'];
  const t0 = Date.UTC(2024, 2, 1, 0, 0, 0);
  const meet = [38.95, 123.9];
  const ships: [number, [number, number], [number, number]][] = [[412000001, [38.6, 123.4], [39.3, 124.3]], [352000002, [39.3, 123.5], [38.6, 124.4]]];
  for (const [mmsi, from, to] of ships) {
    const fix = (min: number, lat: number, lon: number, sog: number, cog: number) => {
      rows.push(`${mmsi},${new Date(t0 + min * 60_000).toISOString().replace('.000', '')},${lat.toFixed(5)},${lon.toFixed(5)},${sog},${cog},${cog},${sog > 1 ? 0 : 1}`);
    };
    const leg = (start: number, mins: number, a: number[], b: number[], sog: number) => {
      for (let m = 0; m <= mins; m += 2) fix(start + m, a[0] + ((b[0] - a[0]) * m) / mins, a[1] + ((b[1] - a[1]) * m) / mins, sog, 90);
    };
    const side = mmsi === 412000001 ? 0.0005 : -0.0005;
    const berth = [meet[0] + side, meet[1]];
    leg(0, 240, from, berth, 10);
    for (let m = 242; m <= 540; m += 2) fix(m, berth[0] + Math.sin(m / 40) * 0.0002, berth[1] + Math.cos(m / 40) * 0.0002, 0.4, 0);
    leg(542, 240, berth, to, 10);
  }
  return `${rows.join('\n')}\n`;
}

test('the map draws the events of a loaded AIS file', { skip: skip || (!existsSync(aisSample) && `no AIS sample at ${aisSample}`), timeout: 120_000 }, async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}/app/maritime`);
  await page.evaluate((t) => localStorage.setItem('chokepoint.token', t), TOKEN);
  await page.locator('.map[data-ready=true]').waitFor({ timeout: 60_000 });
  await page.locator('form[aria-label="Upload AIS data"] input[type=file]').setInputFiles(aisSample);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.locator('[data-run-status=done]').waitFor({ timeout: 60_000 });
  await page.waitForURL(/run=\d+/);
  await page.waitForFunction(() => Number(document.querySelector('.map')?.getAttribute('data-events')) > 0, undefined, { timeout: 30_000 });
  const drawn = await page.waitForFunction(() => {
    const m = (document.querySelector('.map') as unknown as { maplibre?: { queryRenderedFeatures: (o: object) => unknown[]; loaded: () => boolean } }).maplibre;
    const n = m?.queryRenderedFeatures({ layers: ['events'] }).length ?? 0;
    return n > 0 ? n : false;
  }, undefined, { timeout: 30_000 });
  assert.ok(Number(await drawn.jsonValue()) > 0);
  await page.locator('table tbody tr.clickable').first().click();
  await page.waitForURL(/event=/);
  await page.locator('section.panel').getByRole('heading', { name: 'Evidence' }).waitFor();
  await page.waitForTimeout(1000);
  await screenshot(page, 'maritime-events-1280');

  // An encounter in Korea Bay, from a file of our own: drawn in the hotspot, its evidence in the panel.
  const dir = mkdtempSync(join(tmpdir(), 'cp-ais-'));
  writeFileSync(join(dir, 'korea-bay.csv'), encounterCsv());
  await page.locator('form[aria-label="Upload AIS data"] input[type=file]').setInputFiles(join(dir, 'korea-bay.csv'));
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.locator('[data-run-status=done]', { hasText: 'korea-bay.csv' }).waitFor({ timeout: 60_000 });
  const row = page.locator('table tbody tr', { hasText: 'Encounter' }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('section.panel').getByRole('heading', { name: 'Encounter' }).waitFor();
  await page.waitForFunction(() => {
    const m = (document.querySelector('.map') as unknown as { maplibre?: { queryRenderedFeatures: (o: object) => { properties: { type: string } }[] } }).maplibre;
    return (m?.queryRenderedFeatures({ layers: ['events'] }) ?? []).some((f) => f.properties.type === 'encounter');
  }, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await screenshot(page, 'maritime-encounter-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(1000);
  await screenshot(page, 'maritime-encounter-390');
  rmSync(dir, { recursive: true, force: true });
  await page.close();
  assert.deepEqual(problems, []);
});
