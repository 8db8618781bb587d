/**
 * End to end on a simulated scenario: PACIFIC STAR (IMO 9123453, Panama) meets the designated DPRK tanker YU JONG 2
 * (IMO 8604917, as the staged OFAC list names it) at sea; an imported registry says Ocean Fortune Shipping Co Ltd
 * owns PACIFIC STAR; neither is designated. The report must list the company and the vessel under 22 U.S.C.
 * 9214(a)(12) and 9214(g)(1)(A)(i)(II) with the evidence chain. A new list version then designates both, and the
 * gap closes (and stays open as of a date before that version).
 *
 * The report is rendered to HTML, and with Chromium to PDF and page images under test-output/mandates/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, mkdirSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { backends } from '../helpers/db.js';
import { fakeMirror, fakeSource } from '../helpers/fake-source.js';
import { discoverPublications } from '../../src/ingest/publication.js';
import { importPublication } from '../../src/ingest/update.js';
import { rebuildEntities } from '../../src/ingest/rebuild.js';
import { importDataset } from '../../src/analyses/network/import.js';
import { feedLists, feedMaritimeFile, feedNetwork } from '../../src/analyses/mandates/feeds.js';
import { evaluate } from '../../src/analyses/mandates/evaluate.js';
import { addAnalystEvidence, EvidenceInputError } from '../../src/analyses/mandates/evidence.js';
import { portsView } from '../../src/analyses/mandates/ports.js';
import { buildReport, findChromium, htmlToPdf } from '../../src/surfaces/report/index.js';
import { createApp } from '../../src/surfaces/api/app.js';
import type { Services } from '../../src/surfaces/api/services.js';
import type { SourceRecord } from '../../src/model/types.js';
import { packageRoot } from '../../src/config/paths.js';
import { listEvidence } from '../../src/store/evidence.js';

const FIX = join(packageRoot(), 'test', 'fixtures', 'mandates');
const OUT = join(packageRoot(), 'test-output', 'mandates');
const read = (f: string) => JSON.parse(readFileSync(join(FIX, f), 'utf8')) as SourceRecord[];

for (const backend of backends()) {
  test(`mandates end to end on ${backend.name}`, async (t) => {
    const { db, done } = await backend.open();
    try {
      const mirror = fakeMirror({ '2025-01-01': read('list-v1.json'), '2025-08-01': read('list-v2.json') });
      const [v1, v2] = discoverPublications(mirror, fakeSource);
      assert.equal((await importPublication(db, v1)).outcome, 'imported');
      await rebuildEntities(db);
      const reg = await importDataset(db, { name: 'registry', origin: join(FIX, 'registry.ftm.jsonl'), lines: readFileSync(join(FIX, 'registry.ftm.jsonl'), 'utf8').split('\n') });
      assert.equal(reg.outcome, 'imported');

      await t.test('feeds: list links and flags, imported ownership, AIS events; a re-run adds nothing', async () => {
        const lists = await feedLists(db);
        assert.equal(lists.added, 3); // YU JONG 2 operated by KOREA YUJONG SHIPPING; two DPRK-flagged vessels
        const net = await feedNetwork(db);
        assert.equal(net.added, 1);
        const ais = await feedMaritimeFile(db, join(FIX, 'events.jsonl'));
        assert.equal(ais.considered, 3);
        assert.equal(ais.added, 2); // PACIFIC STAR's STS with YU JONG 2; YU JONG 2's port call. Not the encounter of two unrelated vessels.
        assert.deepEqual(ais.skipped, { encounter_without_dprk_link: 1 });
        assert.equal((await feedMaritimeFile(db, join(FIX, 'events.jsonl'))).added, 0);
        assert.equal((await feedLists(db)).added, 0);
        const sts = await listEvidence(db, { kind: ['sts_transfer'] });
        assert.equal(sts.length, 1);
        assert.equal(sts[0].subject, 'imo-9123453');
        assert.equal(sts[0].counterparty, 'imo-8604917');
      });

      await t.test('bad input: no citation, unknown entity, unknown kind, missing counterparty — refused with a clear message', async () => {
        const base = { kind: 'sectoral_trade', subject: 'reg-ocean-fortune', date: '2025-03-01', citation: 'UN Panel of Experts S/2025/000, para. 41' };
        await assert.rejects(addAnalystEvidence(db, { ...base, citation: '' }), (e: Error) => e instanceof EvidenceInputError && /a citation is required/.test(e.message));
        await assert.rejects(addAnalystEvidence(db, { ...base, citation: 'news' }), /too short to find the source again/);
        await assert.rejects(addAnalystEvidence(db, { ...base, subject: 'ofac-999999' }), /subject 'ofac-999999' is not a known entity/);
        await assert.rejects(addAnalystEvidence(db, { ...base, subject: 'imo-1234567' }), /subject 'imo-1234567' is not a known entity/);
        await assert.rejects(addAnalystEvidence(db, { ...base, kind: 'smuggling' }), /unknown evidence kind 'smuggling'; known kinds: sts_transfer/);
        await assert.rejects(addAnalystEvidence(db, { ...base, kind: 'supply_designated_vessel' }), /needs a counterparty/);
        await assert.rejects(addAnalystEvidence(db, { ...base, kind: 'dprk_port_call' }), /is about a vessel, and 'reg-ocean-fortune' is a Company/);
        await assert.rejects(addAnalystEvidence(db, { ...base, date: '2025-13-01' }), /date '2025-13-01'/);
        await assert.rejects(addAnalystEvidence(db, { ...base, confidence: 1.5 }), /confidence 1.5/);
        assert.equal((await listEvidence(db, { origin: ['analyst'] })).length, 0);
      });

      const asOf = '2025-06-30';
      await t.test('the gap: the owner and the vessel under 9214(a)(12) and (g)(1)(A)(i)(II), with the chain', async () => {
        const ev = await evaluate(db, { asOf });
        const gapsOf = (s: string) => ev.gaps.filter((g) => g.subject === s).map((g) => g.provision).sort();
        assert.deepEqual(gapsOf('reg-ocean-fortune'), ['22-9214-a-12', '22-9214-g-1-A-i-II']);
        assert.deepEqual(gapsOf('imo-9123453'), ['22-9214-a-12', '22-9214-g-1-A-i-II']);
        assert.equal(ev.summary.subjects_with_gaps, 2);
        const g = ev.gaps.find((x) => x.subject === 'reg-ocean-fortune' && x.provision === '22-9214-a-12')!;
        assert.equal(g.caption, 'Ocean Fortune Shipping Co Ltd');
        assert.equal(g.days_since_evidence, 57);
        const c = g.chains[0];
        assert.equal(c.evidence.kind, 'sts_transfer');
        assert.equal(c.evidence.counterparty_caption, 'YU JONG 2');
        assert.match(c.evidence.citation, /events\.jsonl:1 \(encounter, 2025-05-04T02:10:00Z/);
        assert.equal(c.via?.kind, 'owns');
        assert.match(c.via!.citation, /imported dataset registry, Ownership reg-own-1/);
        assert.equal(c.strength, Math.round(0.85 * 0.8 * 0.9 * 1000) / 1000);
        assert.equal(g.strength_label, 'moderate');
        // The designated tanker is triggering nothing new (its counterparty is neither designated nor DPRK-flagged), and is designated.
        assert.ok(!ev.gaps.some((x) => x.subject === 'fake-23736'));
        const row = ev.provisions.find((p) => p.id === '22-9214-a-12')!;
        assert.deepEqual([row.triggered, row.designated, row.gaps], [2, 0, 2]);
        const r70022 = ev.provisions.find((p) => p.id === '46-70022-c-1-A')!;
        assert.deepEqual([r70022.triggered, r70022.gaps, r70022.findings], [2, 0, 2]);
        // As of a day before the encounter there is nothing.
        assert.equal((await evaluate(db, { asOf: '2025-05-01' })).gaps.length, 0);
      });

      await t.test('ports and registries: Panama hosts a vessel with an STS transfer within 180 and 365 days', async () => {
        const pv = await portsView(db, asOf);
        const pa = pv.registries.find((r) => r.flag === 'pa')!;
        assert.deepEqual([pa.vessels_with_dprk_contact, pa.sts_transfers, pa.within_180, pa.within_365], [['imo-9123453'], 1, 1, 1]);
        const v = pv.vessels.find((x) => x.key === 'imo-9123453')!;
        assert.equal(v.days_since_dprk_contact, 57);
        assert.ok(pv.ports.some((p) => p.port === 'Dandong' && p.named_in_9225b && p.events === 0));
        const late = await portsView(db, '2026-03-01');
        const v2 = late.vessels.find((x) => x.key === 'imo-9123453')!;
        assert.deepEqual([v2.within_180, v2.within_365], [false, true]);
      });

      await t.test('the report lists them, and its numbers match the API', async () => {
        const { html, report } = await buildReport(db, { asOf });
        assert.match(html, /Ocean Fortune Shipping Co Ltd/);
        assert.match(html, /PACIFIC STAR/);
        assert.match(html, /22 U\.S\.C\. 9214\(a\)\(12\)/);
        assert.match(html, /22 U\.S\.C\. 9214\(g\)\(1\)\(A\)\(i\)\(II\)/);
        assert.match(html, /attributed to Ocean Fortune Shipping Co Ltd through <b>evidence #\d+<\/b>/);
        assert.doesNotMatch(html, /<script|https?:\/\/(?!uscode)[^"\s]*\.(css|js|png)/);
        const services = { db, ready: true, screening: {} as Services['screening'], startedAt: new Date() } as Services;
        const app = createApp(services);
        const api = await (await app.request(`/mandates/gaps?as_of=${asOf}`)).json() as { summary: Record<string, number>; gaps: unknown[] };
        assert.deepEqual(api.summary, report.evaluation.summary);
        assert.equal(api.gaps.length, report.evaluation.gaps.length);
        const card = (label: string) => Number(new RegExp(`<div class="n">([\\d,]+)</div><div class="l">${label}`).exec(html)?.[1]);
        assert.equal(card('gaps: mandatory trigger met'), api.summary.gaps);
        assert.equal(card('subjects with at least one gap'), api.summary.subjects_with_gaps);
        assert.equal(card('evidence items held'), api.summary.evidence_items);
        const ent = await (await app.request(`/mandates/entities/reg-ocean-fortune?as_of=${asOf}`)).json() as { triggers: { provision: string }[] };
        assert.deepEqual(ent.triggers.map((x) => x.provision).sort(), ['22-9214-a-12', '22-9214-g-1-A-i-II']);
        assert.equal((await app.request('/mandates/entities/nobody-at-all')).status, 404);
        const quiet = await (await app.request(`/mandates/entities/fake-90001?as_of=${asOf}`)).json() as { triggers: unknown[]; designation: { us: boolean; listings: { programs: string[] }[] } };
        assert.deepEqual([quiet.triggers.length, quiet.designation.us, quiet.designation.listings[0].programs], [0, true, ['DPRK3']]);
        const tanker = await (await app.request(`/mandates/entities/imo-8604917?as_of=${asOf}`)).json() as { subject: { key: string }; triggers: { provision: string }[]; designation: { us: boolean } };
        assert.equal(tanker.subject.key, 'fake-23736');
        assert.equal(tanker.designation.us, true);
        assert.deepEqual(tanker.triggers.map((x) => x.provision).sort(), ['22-9225-c-1-B', '46-70022-c-1-A']);
        const prov = await (await app.request('/mandates/provisions')).json() as { provisions: { quote_verified: boolean }[] };
        assert.ok(prov.provisions.length >= 30 && prov.provisions.every((p) => p.quote_verified));
        const post = (body: unknown) => app.request('/evidence', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const noCite = await post({ kind: 'sectoral_trade', subject: 'reg-ocean-fortune', date: '2025-03-01' });
        assert.equal(noCite.status, 400);
        assert.match((await noCite.json() as { message: string }).message, /evidence refused: a citation is required/);
        const unknown = await post({ kind: 'sectoral_trade', subject: 'nobody-at-all', date: '2025-03-01', citation: 'Reuters, 2025-03-02, https://example.org/x' });
        assert.match((await unknown.json() as { message: string }).message, /subject 'nobody-at-all' is not a known entity/);
        const page = await app.request(`/report.html?as_of=${asOf}`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /Ocean Fortune Shipping Co Ltd/);

        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, 'report-gap.html'), html);
        const chromium = findChromium();
        if (!chromium) return t.diagnostic('chromium not installed: PDF and page images skipped');
        const pdf = join(OUT, 'report-gap.pdf');
        await htmlToPdf(html, pdf, { chromium });
        assert.ok(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
        if (spawnSync('pdftoppm', ['-v']).error) return t.diagnostic('pdftoppm (poppler-utils) not installed: page images skipped');
        for (const f of readdirSync(OUT).filter((x) => /^report-gap-page-.*\.png$/.test(x))) rmSync(join(OUT, f));
        const r = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, 'report-gap-page')]);
        assert.equal(r.status, 0, String(r.stderr));
        assert.ok(existsSync(join(OUT, 'report-gap-page-1.png')) || existsSync(join(OUT, 'report-gap-page-01.png')));
      });

      await t.test('a new list version designates the vessel and the company: the gap closes', async () => {
        assert.equal((await importPublication(db, v2)).outcome, 'imported');
        await rebuildEntities(db);
        const ev = await evaluate(db, { asOf: '2025-09-01' });
        assert.deepEqual(ev.gaps, []);
        const owner = ev.entities.find((e) => e.subject.ids.includes('reg-ocean-fortune'))!;
        assert.equal(owner.subject.key, 'fake-99002');
        assert.match(owner.subject.basis.join(' '), /has the exact name of listed fake-99002/);
        assert.equal(owner.designation.us, true);
        assert.deepEqual(owner.triggers.map((x) => x.provision).sort(), ['22-9214-a-12', '22-9214-g-1-A-i-II']);
        const vessel = ev.entities.find((e) => e.subject.key === 'fake-99001')!;
        assert.ok(vessel.subject.ids.includes('imo-9123453'));
        const row = ev.provisions.find((p) => p.id === '22-9214-a-12')!;
        assert.deepEqual([row.triggered, row.designated, row.gaps], [2, 2, 0]);
        // As of a day before the new version, the gap is still open: designations count from their listing date.
        const before = await evaluate(db, { asOf });
        assert.equal(before.summary.subjects_with_gaps, 2);
        const { html } = await buildReport(db, { asOf: '2025-09-01' });
        assert.match(html, /No gaps/);
        assert.match(html, /these were designated by the United States, by the administration in office on the OFAC listing date: <b>Donald Trump \(2025–\)<\/b>: 2/);
        writeFileSync(join(OUT, 'report-closed.html'), html);
        const chromium = findChromium();
        if (!chromium || spawnSync('pdftoppm', ['-v']).error) return;
        await htmlToPdf(html, join(OUT, 'report-closed.pdf'), { chromium });
        const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '4', join(OUT, 'report-closed.pdf'), join(OUT, 'report-closed-page')]);
        assert.equal(r.status, 0, String(r.stderr));
      });
    } finally {
      await done();
    }
  });
}
