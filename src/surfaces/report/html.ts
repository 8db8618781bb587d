/**
 * The oversight report as one self-contained HTML document: inline CSS, inline SVG, no scripts, no external
 * references. Every number comes from the MandatesReport (the same object GET /mandates/* serves) or the
 * timeline report (GET /timeline); this file only lays them out.
 */
import type { MandatesReport } from '../../analyses/mandates/service.js';
import type { Chain, Gap, EntityResult, Listing } from '../../analyses/mandates/evaluate.js';
import type { TimelineReport } from '../../analyses/timeline/analysis.js';
import { administrationOn } from '../../analyses/timeline/administrations.js';
import { esc, findingsMap, hbars, mirroredBars, type MonthBar } from './svg.js';

export interface ReportInput {
  report: MandatesReport;
  /** The timeline from CHART_FROM to the as-of date, or the reason it is missing. */
  timeline: TimelineReport | { error: string };
  title?: string;
}

/** The chart starts with the year the North Korea Sanctions and Policy Enhancement Act was enacted. */
export const CHART_FROM = '2016-01-01';

const CSS = `
@page { size: Letter; margin: 16mm 14mm 18mm 14mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif; color: #666; } @bottom-left { content: "Chokepoint oversight report"; font: 8pt "DejaVu Sans", Arial, sans-serif; color: #666; } }
* { box-sizing: border-box; }
body { font: 10.5pt/1.42 "DejaVu Serif", Georgia, "Times New Roman", serif; color: #1a1a1a; margin: 0 auto; max-width: 1000px; padding: 0 12px; }
h1 { font: 600 21pt/1.2 "DejaVu Sans", Arial, sans-serif; margin: 0 0 4px; }
h2 { font: 600 14pt/1.25 "DejaVu Sans", Arial, sans-serif; margin: 22px 0 6px; border-bottom: 2px solid #1f3a5f; padding-bottom: 3px; color: #1f3a5f; break-after: avoid; }
h3 { font: 600 11.5pt/1.3 "DejaVu Sans", Arial, sans-serif; margin: 14px 0 4px; break-after: avoid; }
p { margin: 4px 0 8px; }
.sub { color: #555; font-size: 10pt; }
.note { font-size: 9pt; color: #444; }
.caveat { border-left: 4px solid #b8860b; background: #fdf8ea; padding: 6px 10px; font-size: 9.5pt; margin: 8px 0; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 10px 0; }
.card { border: 1px solid #c9d3de; border-radius: 4px; padding: 8px 10px; break-inside: avoid; }
.card .n { font: 700 20pt/1.1 "DejaVu Sans", Arial, sans-serif; color: #1f3a5f; }
.card .l { font-size: 8.8pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 8.8pt; }
thead { display: table-header-group; }
th { font: 600 8.5pt/1.25 "DejaVu Sans", Arial, sans-serif; text-align: left; background: #e8eef5; border-bottom: 1px solid #9fb0c4; padding: 4px 5px; vertical-align: bottom; }
td { border-bottom: 1px solid #dde3ea; padding: 4px 5px; vertical-align: top; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; color: #444; }
.pill { display: inline-block; font: 600 7.8pt/1.3 "DejaVu Sans", Arial, sans-serif; padding: 0 5px; border-radius: 8px; }
.strong { background: #b2182b; color: #fff; } .moderate { background: #ef8a62; color: #111; } .weak { background: #e0e0e0; color: #111; }
.chain { margin: 2px 0 6px; padding-left: 0; list-style: none; }
.chain li { margin: 2px 0; }
.arrow { color: #1f3a5f; font-weight: bold; }
.quote { font-style: italic; color: #333; }
.statute { font-size: 8.6pt; white-space: pre-wrap; border-left: 2px solid #c9d3de; padding-left: 8px; margin: 2px 0 10px; color: #222; }
svg.chart text { font: 10.5px "DejaVu Sans", Arial, sans-serif; fill: #333; }
svg.chart .band { font-size: 10px; fill: #555; }
svg.map { max-height: 360px; overflow: hidden; }
.nowrap { white-space: nowrap; }
.ctx { color: #666; }
svg.chart .grid { stroke: #e3e3e3; } svg.chart .axis { stroke: #555; }
svg.chart .up { fill: #b2182b; } svg.chart .down { fill: #2166ac; } svg.chart .marker { fill: #111; }
svg.chart .up-t { fill: #b2182b; font-weight: bold; } svg.chart .down-t { fill: #2166ac; font-weight: bold; }
svg.map text.tick { font: 8px "DejaVu Sans", Arial, sans-serif; fill: #667; } svg.map .grat { stroke: #c8d6e3; stroke-width: 0.5; }
svg.map text.pt { font: bold 9px "DejaVu Sans", Arial, sans-serif; fill: #fff; } svg.map text.legend { font: 9px "DejaVu Sans", Arial, sans-serif; fill: #222; }
.figure { border: 1px solid #dde3ea; padding: 6px; margin: 8px 0; break-inside: avoid; }
.figcap { font-size: 8.8pt; color: #444; margin-top: 4px; }
.section { break-before: page; }
.toc { font-size: 9.5pt; columns: 2; }
footer { margin-top: 20px; font-size: 8.5pt; color: #666; border-top: 1px solid #ccc; padding-top: 6px; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
/** A quotation cut at a word boundary near `n` characters (the whole text is in the appendix). */
const short = (q: string, n = 150) => (q.length <= n ? q : `${q.slice(0, q.lastIndexOf(' ', n))} …`);
const pill = (label: string, strength: number) => `<span class="pill ${label}">${esc(label)} ${strength.toFixed(2)}</span>`;

function listingText(l: Listing): string {
  return `${esc(l.authority)} (${esc(l.dataset)}) ${l.programs.length ? `programme ${esc(l.programs.join(', '))}` : ''}, listed ${esc(l.listed)} <span class="id">${esc(l.record)}</span>`;
}

function chainHtml(c: Chain, subjectCaption: string): string {
  const e = c.evidence;
  const when = e.start.slice(0, 10) === e.end.slice(0, 10) ? e.start.slice(0, 10) : `${e.start.slice(0, 10)} to ${e.end.slice(0, 10)}`;
  const parts = [
    `<b>Evidence #${e.id}</b>: ${esc(e.label)}${e.counterparty_caption ? ` with <b>${esc(e.counterparty_caption)}</b> <span class="id">${esc(e.counterparty)}</span>${e.counterparty_status ? ` (${esc(e.counterparty_status)})` : ''}` : ''}, ${esc(when)}${e.place ? `, ${esc(e.place)}` : ''} — <i>${esc(e.citation)}</i> (confidence ${e.confidence.toFixed(2)}, ${esc(e.origin)})`,
  ];
  if (c.via) parts.push(`<span class="arrow">→</span> attributed to ${esc(subjectCaption)} through <b>evidence #${c.via.id}</b>: ${esc(c.via.label.toLowerCase())} ${esc(c.via.counterparty_caption ?? '')} — <i>${esc(c.via.citation)}</i> (confidence ${c.via.confidence.toFixed(2)})`);
  parts.push(`<span class="arrow">→</span> condition: ${esc(c.condition)}${c.note ? ` <span class="note">(${esc(c.note)})</span>` : ''} <span class="arrow">→</span> strength ${c.strength.toFixed(2)}`);
  return `<li>${parts.join('<br>')}</li>`;
}

function gapsTable(gaps: readonly Gap[], quoteOf: Map<string, string>): string {
  if (!gaps.length) return '<p><b>No gaps</b>: every subject whose evidence meets a mandatory trigger is designated by the United States as of this date.</p>';
  const rows = gaps.map((g, i) => `<tr>
    <td class="num">${i + 1}</td>
    <td><b>${esc(g.caption)}</b><br><span class="id">${esc(g.subject)}</span><br><span class="note">${esc(g.schema)}${g.schema === 'Vessel' ? ' (blocked as its owner\'s property; the mandate names the owner)' : ''}</span>${g.other_listings.length ? `<br><span class="note">Listed by others: ${esc([...new Set(g.other_listings.map((l) => `${l.authority} ${l.programs.join(',')}`))].join('; '))}. Not joined to any OFAC entry: check OFAC under variant spellings before citing.</span>` : '<br><span class="note">On no held list</span>'}</td>
    <td><b>${esc(g.citation)}</b><br>${esc(g.short_title)}<br><span class="quote note">“${esc(short(quoteOf.get(g.provision) ?? ''))}”</span><br><span class="note">Required: ${esc(g.action)}</span>${g.prerequisite ? `<br><span class="note">Prerequisite: ${esc(g.prerequisite)}</span>` : ''}</td>
    <td>${pill(g.strength_label, g.strength)}</td>
    <td class="num"><span class="nowrap">${esc(g.latest_evidence)}</span><br><span class="nowrap">${fmt(g.days_since_evidence)} days ago</span></td>
    <td><ul class="chain">${g.chains.slice(0, 3).map((c) => chainHtml(c, g.caption)).join('')}${g.chains.length > 3 ? `<li class="note">… ${g.chains.length - 3} more items (chokepoint gaps --json)</li>` : ''}</ul></td>
  </tr>`);
  return `<table><thead><tr><th class="num">#</th><th style="width:15%">Subject</th><th style="width:21%">Provision</th><th>Evidence strength</th><th class="num">Latest evidence</th><th>Evidence chain (evidence → condition → provision)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function monthBars(t: TimelineReport, asOf: string): MonthBar[] {
  return t.periods.month
    .filter((p) => p.first >= CHART_FROM.slice(0, 7) || p.period >= CHART_FROM.slice(0, 7))
    .filter((p) => p.period <= asOf.slice(0, 7))
    .map((p) => ({ period: p.period, up: p.launch_days, down: p.designation_actions, marker: (p.nuclear_tests ?? 0) > 0 }));
}

function designatedByAdministration(entities: readonly EntityResult[]): { president: string; n: number; subjects: string[] }[] {
  const out = new Map<string, { president: string; n: number; subjects: string[]; start: string }>();
  for (const e of entities) {
    if (!e.designation.us || !e.triggers.some((t) => t.action.kind === 'designate' || t.action.kind === 'impose_sanctions')) continue;
    const us = e.designation.listings.filter((l) => l.authority === 'OFAC' && l.date).sort((a, b) => (a.date! < b.date! ? -1 : 1))[0];
    const adm = us?.date ? administrationOn(us.date) : null;
    const key = adm ? `${adm.president} (${adm.start.slice(0, 4)}–)` : 'date not known';
    const row = out.get(key) ?? { president: key, n: 0, subjects: [], start: adm?.start ?? '9999' };
    row.n++;
    row.subjects.push(e.subject.caption);
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}

export function renderReportHtml(input: ReportInput): string {
  const { report } = input;
  const ev = report.evaluation;
  const s = ev.summary;
  const pv = report.ports;
  const provs = report.provisions;
  const quoteOf = new Map(provs.provisions.map((p) => [p.id, p.quote]));
  const title = input.title ?? 'North Korea sanctions: mandatory triggers and the designation record';
  const triggeredProvisions = ev.provisions.filter((p) => p.triggered > 0);
  const vessels180 = pv.vessels.filter((v) => v.within_180).length;
  const vessels365 = pv.vessels.filter((v) => v.within_365).length;

  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — as of ${esc(report.as_of)}</title><style>${CSS}</style></head><body>`);
  parts.push(`<header><h1>${esc(title)}</h1><div class="sub">Oversight report as of <b>${esc(report.as_of)}</b> · generated ${esc(report.generated_at.slice(0, 19).replace('T', ' '))} UTC by Chokepoint · provisions table ${esc(provs.version)}</div></header>`);
  parts.push(`<div class="caveat"><b>How to read this report.</b> Congress made these designations mandatory: 22 U.S.C. 9214(a) and (g) say the President <i>shall</i> designate persons who knowingly engage in the listed conduct, and 22 U.S.C. 9221b says the Secretary of the Treasury <i>shall</i> sanction foreign financial institutions that knowingly serve designated persons. This report holds those triggers against the evidence held in this workbench and against the U.S. designation record. A <b>gap</b> is a subject whose evidence meets a mandatory trigger and who is not on an OFAC list as of the date above. Evidence strength is the confidence of the evidence, not a finding that anyone acted knowingly; every row names its sources so it can be checked. Waivers and exemptions (22 U.S.C. 9228) are not visible in public data.</div>`);

  // Summary.
  parts.push('<h2>1. Summary</h2><div class="cards">');
  const card = (n: number | string, l: string) => parts.push(`<div class="card"><div class="n">${typeof n === 'number' ? fmt(n) : esc(n)}</div><div class="l">${esc(l)}</div></div>`);
  card(s.gaps, 'gaps: mandatory trigger met, not designated by the U.S.');
  card(s.subjects_with_gaps, 'subjects with at least one gap');
  card(s.subjects_triggering, 'subjects whose evidence meets a designation or sanctions mandate');
  card(s.designated_triggering, 'of them already designated by the U.S.');
  card(triggeredProvisions.length, `provisions triggered, of ${provs.provisions.length} encoded`);
  card(s.evidence_items, 'evidence items held as of the date');
  card(vessels180, 'vessels with DPRK contact within 180 days');
  card(vessels365, 'within 365 days (22 U.S.C. 9225(c)(1)(B))');
  parts.push('</div>');
  if (ev.gaps.length) {
    const top = ev.gaps.slice(0, 5).map((g) => `<li><b>${esc(g.caption)}</b> — ${esc(g.citation)} (${esc(g.short_title)}), evidence ${esc(g.strength_label)}, latest ${fmt(g.days_since_evidence)} days ago</li>`);
    parts.push(`<h3>Strongest gaps</h3><ul>${top.join('')}</ul>`);
  }

  // Provocations vs pressure.
  parts.push('<h2>2. Provocations and pressure, by month</h2>');
  if ('error' in input.timeline) {
    parts.push(`<p class="note">The timeline could not be built: ${esc(input.timeline.error)}</p>`);
  } else {
    const t = input.timeline;
    const bars = monthBars(t, report.as_of);
    const bands = t.administrations.filter((a) => (a.end ?? '9999') > CHART_FROM && a.start <= report.as_of).map((a) => ({ label: a.president, start: a.start < CHART_FROM ? CHART_FROM : a.start, end: a.end ?? report.as_of }));
    parts.push(`<div class="figure">${mirroredBars(bars, { title: 'DPRK launch days and DPRK-related designation actions per month', upLabel: 'launch days', downLabel: 'designation actions', markerLabel: 'nuclear test', bands })}
      <div class="figcap">Figure 1. Days with DPRK missile or satellite launches (red, above) and DPRK-related designation actions on the held lists (blue, below), per month from ${esc(CHART_FROM.slice(0, 7))} to ${esc(report.as_of.slice(0, 7))}. An action is one list's additions on one day. Months outside the data are hatched, not zero. Source: the timeline analysis (GET /timeline; rules in docs/timeline.md); ${esc(t.warnings.length ? `caveats: ${t.warnings.slice(0, 2).join('; ')}` : 'no data caveats in the window')}.</div></div>`);
    const nd = (n: number | null | undefined, what: string) => (n === null || n === undefined ? `${what}: no data` : `${fmt(n)} ${what}`);
    parts.push(`<p>From ${esc(t.range.first)} to ${esc(t.range.last)}: ${nd(t.summary.launch_days, 'launch days')} (${nd(t.summary.ballistic_launch_days, 'ballistic')}), ${nd(t.summary.nuclear_tests, 'nuclear tests')}, ${nd(t.summary.designation_actions, 'designation actions')}, ${nd(t.summary.designated_entities, 'entities designated')}; median days from a launch to the next action: ${t.summary.median_response_lag_days === null ? 'not reached in the data' : fmt(t.summary.median_response_lag_days)}. Shaded bands: the administrations in office (${t.administrations.filter((a) => (a.end ?? '9999') > CHART_FROM && a.start <= report.as_of).map((a) => `${esc(a.president)}, term began ${esc(a.start)}`).join('; ')}).</p>`);
  }

  // Gap table.
  parts.push(`<h2 class="section">3. Gaps: mandatory triggers met, not designated</h2><p class="note">Sorted by evidence strength, then by how recent the evidence is. Each chain reads left to right: the evidence item (with its source), how it reaches the subject, the condition of the provision it meets, and the resulting strength. Quotations are shortened here; the full text of each provision is in the appendix (${esc(provs.text_as_of)}).</p>`);
  parts.push(gapsTable(ev.gaps, quoteOf));
  if (ev.to_check.length) {
    const bySubject = new Map<string, Gap[]>();
    for (const g of ev.to_check) bySubject.set(g.subject, [...(bySubject.get(g.subject) ?? []), g]);
    parts.push(`<h3>To check by hand: possibly designated under another name (${bySubject.size} subjects, ${ev.to_check.length} triggers)</h3><p class="note">These subjects meet a mandatory trigger and no OFAC entry was joined to them, but an OFAC entry carries a name containing theirs. They are held back from the gap count until someone confirms whether it is the same target.</p><table><thead><tr><th>Subject</th><th>Provisions triggered</th><th>Listed by</th><th>OFAC entries to compare</th></tr></thead><tbody>${[...bySubject.values()].map((gs) => `<tr><td><b>${esc(gs[0].caption)}</b><br><span class="id">${esc(gs[0].subject)}</span></td><td>${gs.map((g) => `<span class="nowrap">${esc(g.citation)}</span> ${pill(g.strength_label, g.strength)}`).join('<br>')}</td><td>${esc([...new Set(gs[0].other_listings.map((l) => `${l.authority} ${l.programs.join(',')}`))].join('; ') || '–')}</td><td>${gs[0].possible_us_listings.map((p) => `${esc(p.caption)} <span class="id">${esc(p.record)}</span>`).join('<br>')}</td></tr>`).join('')}</tbody></table>`);
  }

  // Reverse view.
  parts.push('<h2>4. Per provision: triggered and designated</h2>');
  const cite = (c: string) => `<span class="nowrap">${esc(c)}</span>`;
  const provRows = triggeredProvisions.map((p) => `<tr><td><b>${cite(p.citation)}</b></td><td>${esc(p.short_title)}</td><td>${p.mandatory ? 'shall' : 'may'} ${esc(p.action.replace(/_/g, ' '))}</td><td class="num">${fmt(p.triggered)}</td><td class="num">${fmt(p.designated)}</td><td class="num">${p.gaps ? `<b>${fmt(p.gaps)}</b>` : '0'}</td><td class="num">${fmt(p.to_check)}</td><td class="num">${fmt(p.findings)}</td></tr>`);
  const quiet = ev.provisions.filter((p) => p.triggered === 0);
  parts.push(triggeredProvisions.length
    ? `<table><thead><tr><th>Citation</th><th>Provision</th><th>Action</th><th class="num">Subjects triggering</th><th class="num">Designated (U.S.)</th><th class="num">Gaps</th><th class="num">To check</th><th class="num">Findings*</th></tr></thead><tbody>${provRows.join('')}</tbody></table>`
    : '<p>No provision is triggered by the evidence held.</p>');
  parts.push(`<p class="note"><b>No evidence held</b> for the other ${quiet.length} provisions: ${quiet.map((p) => `${cite(p.citation)} (${esc(p.short_title)})`).join('; ')}. This is a statement about the evidence entered, not about conduct.</p>
    <p class="note">* Findings: triggered where the required action cannot be checked against held data — the Coast Guard's Federal Register vessel list (46 U.S.C. 70022(c)) is not held, reports to Congress are not public data, and 9225(c) screening is discretionary. Port and registry provisions are counted in section 5.</p>
    <p class="note"><b>Out of scope</b>, with reasons: ${provs.out_of_scope.map((o) => `${cite(o.citation)} — ${esc(o.reason)}`).join(' ')}</p>`);

  const byAdm = designatedByAdministration(ev.entities);
  parts.push('<h3>Designation record by administration</h3>');
  if (!('error' in input.timeline)) {
    const t = input.timeline;
    const admRows = t.administrations.filter((a) => (a.end ?? '9999') > '2006-01-01').map((a) => `<tr><td>${esc(a.president)}</td><td class="nowrap">${esc(a.start)}</td><td class="num">${fmt(a.launch_days)}</td><td class="num">${fmt(a.nuclear_tests)}</td><td class="num">${fmt(a.designation_actions)}</td><td class="num">${fmt(a.designated_entities)}</td><td class="num">${fmt(a.response_lag_all?.median_days)}</td></tr>`);
    parts.push(`<table><thead><tr><th>Administration</th><th>Term began</th><th class="num">Launch days</th><th class="num">Nuclear tests</th><th class="num">Designation actions</th><th class="num">Entities designated</th><th class="num">Median lag, days</th></tr></thead><tbody>${admRows.join('')}</tbody></table><p class="note">Counts from ${esc(CHART_FROM)} (the chart window) to ${esc(report.as_of)}, so the first row covers only the end of that term. Designations: all held lists (OFAC, UN, UK, EU), as the timeline counts them, limited to the dates each list's data covers (– = no data, not zero).</p>`);
  }
  parts.push(byAdm.length
    ? `<p>Of the subjects in this report whose evidence meets a mandatory trigger, these were designated by the United States, by the administration in office on the OFAC listing date: ${byAdm.map((r) => `<b>${esc(r.president)}</b>: ${r.n} (${esc(r.subjects.slice(0, 6).join('; '))}${r.subjects.length > 6 ? ' …' : ''})`).join('; ')}.</p>`
    : '<p>None of the subjects whose evidence meets a mandatory trigger is designated by the United States yet.</p>');

  // Maritime.
  parts.push(`<h2 class="section">5. Maritime findings: vessels, flag registries and ports</h2><p class="note">22 U.S.C. 9225(a) requires reports identifying foreign ports that facilitate DPRK shipping and describing other countries' de-registration of DPRK vessels; 9225(c)(1)(B) allows enhanced screening of cargo aboard vessels that were in North Korean waters or ports within 365 days. ${esc(pv.lookbacks.screening.basis)}</p>`);
  const seen = new Map<string, number>();
  const points = pv.points.filter((p) => {
    const k = `${p.lat.toFixed(3)},${p.lon.toFixed(3)},${p.date}`;
    if (seen.has(k)) return false;
    seen.set(k, p.id);
    return true;
  });
  parts.push(`<div class="figure">${findingsMap(points, { title: 'Locations of maritime evidence' })}<div class="figcap">Figure 2. Where the maritime evidence was recorded (AIS events and analyst entries with a position). Numbers refer to the list below. Land: Natural Earth 1:50m (world-atlas).</div></div>`);
  if (points.length) parts.push(`<ol class="note">${points.map((p) => `<li>${esc(p.date)} — ${esc(p.label)} (${p.lat.toFixed(2)}°, ${p.lon.toFixed(2)}°; evidence #${p.id})</li>`).join('')}</ol>`);
  parts.push('<h3>Vessels with DPRK contact</h3>');
  parts.push(pv.vessels.length
    ? `<table><thead><tr><th>Vessel</th><th>Flag</th><th>On a list</th><th class="num">DPRK port calls</th><th class="num">STS with DPRK-linked</th><th class="num">Last contact</th><th class="num">Days since</th><th>180-day window</th><th>365-day look-back</th></tr></thead><tbody>${pv.vessels.map((v) => `<tr><td><b>${esc(v.caption)}</b><br><span class="id">${esc(v.key)}</span></td><td>${esc(v.flag?.toUpperCase() ?? '–')}</td><td>${v.designated ? 'yes' : 'no'}</td><td class="num">${v.dprk_port_calls}</td><td class="num">${v.sts_with_dprk_linked}</td><td class="num nowrap">${esc(v.last_dprk_contact ?? '–')}</td><td class="num">${fmt(v.days_since_dprk_contact)}</td><td>${v.within_180 ? '<b>within</b>' : 'outside'}</td><td>${v.within_365 ? '<b>within</b>' : 'outside'}</td></tr>`).join('')}</tbody></table>`
    : '<p>No vessel evidence with DPRK contact is held.</p>');
  parts.push('<h3>Flag registries</h3>');
  const regs = pv.registries.filter((r) => r.designated_vessels.length || r.vessels_with_dprk_contact.length || r.flag_hops_in || r.flag_hops_out).slice(0, 25);
  if (regs.length) {
    parts.push(`<div class="figure">${hbars(regs.slice(0, 12).map((r) => ({ label: `${r.country} (${r.flag.toUpperCase()})`, value: r.designated_vessels.length + r.vessels_with_dprk_contact.length })), { title: 'DPRK-linked vessels per flag registry' })}<div class="figcap">Figure 3. DPRK-linked vessels per flag registry: DPRK-related designated vessels still flying its flag (as the held lists state the flag) plus vessels with DPRK contact in the evidence.</div></div>`);
    parts.push(`<table><thead><tr><th>Registry</th><th class="num">DPRK-related designated vessels flying its flag</th><th class="num">Vessels with DPRK contact</th><th class="num">DPRK port calls</th><th class="num">STS</th><th class="num">Flag changes in / out</th><th class="num">Within 180 / 365 days</th></tr></thead><tbody>${regs.map((r) => `<tr><td>${esc(r.country)} <span class="id">${esc(r.flag.toUpperCase())}</span>${r.designated_vessels.length ? `<br><span class="note">${esc(r.designated_vessels.slice(0, 5).map((v) => v.caption).join(', '))}${r.designated_vessels.length > 5 ? ' …' : ''}</span>` : ''}</td><td class="num">${r.designated_vessels.length}</td><td class="num">${r.vessels_with_dprk_contact.length}</td><td class="num">${r.dprk_port_calls}</td><td class="num">${r.sts_transfers}</td><td class="num">${r.flag_hops_in} / ${r.flag_hops_out}</td><td class="num">${r.within_180} / ${r.within_365}</td></tr>`).join('')}</tbody></table>`);
  } else parts.push('<p>No registry holds a designated or DPRK-linked vessel in the held data.</p>');
  parts.push('<h3>Foreign ports and sea areas</h3>');
  const hosting = pv.ports.filter((p) => p.events > 0);
  const silent = pv.ports.filter((p) => p.events === 0 && p.named_in_9225b);
  parts.push(hosting.length
    ? `<table><thead><tr><th>Port or sea area</th><th>Named in 9225(b)</th><th class="num">Events</th><th class="num">Vessels</th><th class="num">Within 180 / 365 days</th></tr></thead><tbody>${hosting.slice(0, 30).map((p) => `<tr><td>${esc(p.port)}${p.country ? ` <span class="id">${esc(p.country.toUpperCase())}</span>` : ''}</td><td>${p.named_in_9225b ? 'yes' : ''}</td><td class="num">${p.events}</td><td class="num">${p.vessels.length}</td><td class="num">${p.within_180} / ${p.within_365}</td></tr>`).join('')}</tbody></table>`
    : '<p>No port or sea area hosts a DPRK-linked event in the held data.</p>');
  if (silent.length) parts.push(`<p class="note">Ports named in 22 U.S.C. 9225(b) with no events in the held data: ${silent.map((p) => `${esc(p.port)} (${esc(p.country?.toUpperCase() ?? '')})`).join(', ')}. The absence of evidence here is a statement about the data held, not about the port.</p>`);

  // Method.
  parts.push('<h2 class="section">6. Method and data</h2>');
  parts.push(`<p><b>Provisions.</b> ${provs.provisions.length} provisions encoded as data (src/analyses/mandates/provisions.ts, version ${esc(provs.version)}): citation, the operative words quoted from the staged text and checked word for word (${provs.provisions.filter((p) => p.quote_verified).length} of ${provs.provisions.length} verified${provs.law_dir ? '' : '; the staged text was not available for this run'}), the conduct as a condition over evidence kinds, the required action, and the exceptions and waivers. Every section of the staged text with mandatory wording ("shall designate", "shall impose", "shall prohibit") is encoded or listed out of scope with a reason. Text: ${esc(provs.text_as_of)}.</p>`);
  parts.push('<p><b>Evaluation.</b> Each evidence item has a kind, a subject, a date, a source citation and a confidence from 0 to 1. A provision\'s condition names evidence kinds and, where the statute requires it, tests on the counterparty (designated, DPRK-flagged, DPRK-linked, tanker). Conduct of a vessel is attributed to its owner or operator ("directly or indirectly") through an ownership or operation item, multiplying the two confidences. Derived conditions (an AIS encounter read as possible supply) carry a strength factor below 1 and say what they do not establish. A subject is designated when an OFAC list held as of the date names it; other lists are shown beside it. Subject ids fold together where a held list carries the vessel\'s IMO or MMSI, the network layer matched an imported entity, or a listed record of the same kind carries the exact name.</p>');
  if (provs.un_caps.length) {
    parts.push(`<p><b>UN limits</b> (22 U.S.C. 9214(g)(1)(A)(i)(II) refers to them), from ${esc(provs.un_file?.split('/').slice(-2).join('/') ?? '')}, as the compiled file states them:</p><table><thead><tr><th>Resolution</th><th>Adopted</th><th>Item</th><th>Limit</th><th>Verification</th></tr></thead><tbody>${provs.un_caps.map((c) => `<tr><td>${esc(c.resolution)}</td><td>${esc(c.adopted)}</td><td>${esc(c.item.replace(/_/g, ' '))}</td><td>${esc(c.barrelsPerYear ? `${c.barrelsPerYear.toLocaleString('en-US')} barrels per year` : c.value)}</td><td class="note">${esc(c.verification)}</td></tr>`).join('')}</tbody></table>`);
  }
  const v = report.versions;
  parts.push(`<h3>Data versions</h3><table><thead><tr><th>List</th><th>Version</th><th>Published</th><th class="num">Records</th><th class="num">DPRK-related</th><th>File sha256</th></tr></thead><tbody>${v.lists.map((l) => `<tr><td>${esc(l.source)}</td><td>${esc(l.version)}</td><td>${esc(l.published)}</td><td class="num">${fmt(l.records)}</td><td class="num">${fmt(l.dprk)}</td><td class="id">${esc(l.sha256.map((h) => h.slice(0, 16)).join(' '))}</td></tr>`).join('')}</tbody></table>`);
  parts.push(`<p class="note">Versions served when the report was generated; a designation counts from its listing date, so an as-of date before a version's publication leaves that version's additions out. AIS runs: ${v.ais_runs.length ? v.ais_runs.map((r) => `#${r.id} ${esc(r.file)} (${esc(r.status)})`).join(', ') : 'none stored'}. Network results: ${v.network ? `computed ${esc(v.network.computed_at)} over ${esc(v.network.datasets.join(', ') || 'no datasets')}` : 'none'}. Evidence by origin and kind: ${v.evidence.map((x) => `${esc(x.origin)}/${esc(x.kind)} ${x.n}`).join(', ') || 'none'}.</p>`);
  if (provs.warnings.length) parts.push(`<div class="caveat"><b>Warnings.</b> ${provs.warnings.map(esc).join(' ')}</div>`);

  // Appendix: the text of triggered provisions.
  const cited = provs.provisions.filter((p) => triggeredProvisions.some((t) => t.id === p.id));
  if (cited.length) {
    parts.push('<h3>Appendix: text of the provisions triggered</h3>');
    for (const p of cited) {
      parts.push(`<p><b>${esc(p.citation)}</b> — ${esc(p.short_title)} <span class="id">${esc(p.file ?? '')}</span>${p.exceptions.length ? `<br><span class="note">Exceptions and waivers: ${p.exceptions.map((x) => `${esc(x.citation)}: ${esc(x.summary)}`).join(' ')}</span>` : ''}</p><div class="statute">${p.context.length ? `<span class="ctx">${esc(p.context.join('\n'))}\n…\n</span>` : ''}${esc(p.text ?? p.quote)}</div>`);
    }
  }
  parts.push(`<footer>Chokepoint oversight report · as of ${esc(report.as_of)} · provisions ${esc(provs.version)} · the same figures are served at GET /mandates/gaps, /mandates/provisions and /mandates/entities/{id}. Statute text is public domain; quotations follow the staged U.S. Code text, which should be verified against uscode.house.gov before citing.</footer>`);
  parts.push('</body></html>');
  return parts.join('\n');
}
