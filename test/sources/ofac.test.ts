import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir, packageRoot } from '../../src/config/paths.js';
import type { SourceRecord } from '../../src/model/types.js';
import { ofacCons, ofacSdn } from '../../src/sources/ofac/index.js';
import { csvParseRows, parseOfacCsv, scanRows } from '../../src/sources/ofac/csv.js';
import { decodeOfacText } from '../../src/sources/ofac/encoding.js';
import { isoDate, statedDates } from '../../src/sources/ofac/dates.js';
import { Observations, RecordDraft } from '../../src/sources/ofac/draft.js';
import { readRemarks, remarkClauses } from '../../src/sources/ofac/remarks.js';
import { SourceError, type ListSource, type ParseResult, type PublicationFiles } from '../../src/sources/types.js';

const OFAC = join(sharedDataDir(), 'lists', 'ofac');
const MINI = join(packageRoot(), 'test', 'fixtures', 'ofac', 'mini');

/** The files of a folder, as the ingest layer hands them to parse(). */
function folderFiles(dir: string): PublicationFiles {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, join(dir, name)]));
}

const cache = new Map<string, Promise<ParseResult>>();
function parsed(source: ListSource, folder: string): Promise<ParseResult> {
  const key = `${source.name}/${folder}`;
  if (!cache.has(key)) cache.set(key, source.parse(folderFiles(join(OFAC, folder))));
  return cache.get(key)!;
}

const isDprk = (r: SourceRecord) => r.sanctions.some((s) => s.programs.some((p) => p.startsWith('DPRK')));
const byId = (records: SourceRecord[], entNum: string) => {
  const r = records.find((x) => x.recordId === entNum);
  assert.ok(r, `ent_num ${entNum} present`);
  return r;
};
function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Runs `fn` with a temporary folder, removed afterwards. */
function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ofac-test-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function copyMini(dir: string, names = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']): void {
  for (const n of names) copyFileSync(join(MINI, n), join(dir, n));
}

async function rejectsWith(promise: Promise<unknown>, check: (e: SourceError) => void): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof SourceError, `a SourceError, got ${String(err)}`);
    check(err);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Source definitions

test('source definitions: names, prefixes, folders, official files', () => {
  assert.equal(ofacSdn.name, 'ofac');
  assert.equal(ofacSdn.dataset, 'us_ofac_sdn');
  assert.equal(ofacCons.name, 'ofac-cons');
  assert.equal(ofacCons.dataset, 'us_ofac_cons');
  assert.equal(ofacSdn.prefix, 'ofac');
  assert.equal(ofacCons.prefix, 'ofac');
  assert.equal(ofacSdn.mirrorDir, 'ofac');
  assert.equal(ofacCons.mirrorDir, 'ofac');

  for (const ok of ['2024-05-03', '2025-12-24-partial']) assert.ok(ofacSdn.folderPattern.test(ok), ok);
  for (const no of ['derived', 'consolidated-2025-12-19', '2024-05-03-old', '24-05-03']) assert.ok(!ofacSdn.folderPattern.test(no), no);
  assert.equal(ofacCons.folderPattern.exec('consolidated-2025-12-19')?.[1], '2025-12-19');
  assert.ok(!ofacCons.folderPattern.test('2024-05-03'));

  assert.deepEqual(ofacSdn.files.map((f) => f.url), [
    'https://www.treasury.gov/ofac/downloads/sdn.csv',
    'https://www.treasury.gov/ofac/downloads/add.csv',
    'https://www.treasury.gov/ofac/downloads/alt.csv',
    'https://www.treasury.gov/ofac/downloads/sdn_comments.csv',
  ]);
  assert.deepEqual(ofacSdn.files.filter((f) => f.required).map((f) => f.name), ['sdn.csv']);
  assert.deepEqual(ofacCons.files.map((f) => f.name), ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv']);
  assert.equal(ofacCons.files[0].url, 'https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv');
});

// ---------------------------------------------------------------------------------------------------------
// Real publications

test('2024-05-03 (sdn.csv only): counts, DPRK entries, DPRK vessels with IMO numbers', async () => {
  const { records, warnings } = await parsed(ofacSdn, '2024-05-03');
  assert.equal(records.length, 14965);
  assert.deepEqual(countBy(records, (r) => r.schema), { Person: 6854, Organization: 6884, Vessel: 851, Aircraft: 376 });
  const dprk = records.filter(isDprk);
  assert.equal(dprk.length, 484);
  assert.deepEqual(countBy(dprk, (r) => r.schema), { Person: 164, Organization: 199, Vessel: 105, Aircraft: 16 });
  const vessels = dprk.filter((r) => r.schema === 'Vessel');
  assert.equal(vessels.length, 105);
  assert.equal(vessels.filter((r) => r.properties.imoNumber?.length).length, 104);
  for (const v of vessels) for (const imo of v.properties.imoNumber ?? []) assert.match(imo, /^\d{7}$/);
  // The one without: its number is stated without the IMO label.
  assert.deepEqual(byId(records, '17104').properties.registrationNumber, ['8606173']);
  assert.equal(new Set(records.map((r) => r.id)).size, records.length);
  assert.ok(warnings.some((w) => /Remarks of 1000 characters/.test(w)), 'sdn.csv alone: cut remarks are reported');
});

test('2023-12-28 (full set): counts and DPRK entries', async () => {
  const { records, warnings } = await parsed(ofacSdn, '2023-12-28');
  assert.equal(records.length, 13821);
  assert.equal(records.filter(isDprk).length, 479);
  assert.deepEqual(countBy(records, (r) => r.schema), { Person: 6646, Organization: 6033, Vessel: 764, Aircraft: 378 });
  // sdn_comments.csv holds three ent_nums that are in no sdn.csv of the period: a warning, counted.
  const orphans = warnings.find((w) => w.includes('sdn_comments.csv'));
  assert.ok(orphans, 'orphan warning');
  assert.match(orphans, /3 row\(s\) for ent_nums not in sdn\.csv/);
  for (const id of ['12300', '15599', '15600']) assert.ok(orphans.includes(id));
});

test('2023-12-28: CHONG CHON GANG is a DPRK-flagged general cargo vessel with its IMO number', async () => {
  const { records } = await parsed(ofacSdn, '2023-12-28');
  const ship = byId(records, '17069');
  assert.equal(ship.id, 'ofac-17069');
  assert.equal(ship.source, 'ofac');
  assert.equal(ship.schema, 'Vessel');
  assert.equal(ship.caption, 'CHONG CHON GANG');
  assert.deepEqual(ship.properties.name, ['CHONG CHON GANG']);
  assert.deepEqual(ship.properties.type, ['General Cargo']);
  assert.deepEqual(ship.properties.flag, ['kp']);
  assert.deepEqual(ship.properties.imoNumber, ['7937317']);
  assert.deepEqual(ship.sanctions, [{
    authority: 'OFAC',
    programs: ['DPRK'],
    provisions: [
      'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
    ],
  }]);
  assert.equal(ship.properties.notes, undefined, 'every remark understood');
  assert.ok(ship.line && ship.line > 1);
});

test('2023-12-28: KOMID has its addresses, strong aliases (alt.csv) and weak alias (remarks)', async () => {
  const { records } = await parsed(ofacSdn, '2023-12-28');
  const komid = byId(records, '9345');
  assert.equal(komid.schema, 'Organization');
  assert.deepEqual(komid.sanctions[0].programs, ['NPWMD', 'DPRK2']);
  assert.deepEqual(komid.properties.address, [
    'Central District, Pyongyang, Korea, North',
    'Beijing, China',
    'Moscow, Russia',
    'Tehran, Iran',
    'Damascus, Syria',
  ]);
  assert.deepEqual(komid.properties.country, ['kp', 'cn', 'ru', 'ir', 'sy']);
  assert.ok(komid.properties.alias.includes('CHANGGWANG SINYONG CORPORATION'));
  assert.equal(komid.properties.alias.length, 6);
  assert.deepEqual(komid.properties.weakAlias, ['KOMID']);

  const daesong = byId(records, '12312');
  assert.deepEqual(daesong.properties.swiftBic, ['KDBKKPPY']);
  assert.deepEqual(daesong.properties.email, ['kdb@co.chesin.com']);
  assert.deepEqual(daesong.properties.alias, ['TAESONG BANK', 'CHOSON TAESONG UNHAENG']);
  assert.deepEqual(daesong.properties.notes, ['TELEX 360230 and 37041 KDP KP', 'TGMS daesongbank']);
});

test('2023-12-28: Linked To relations, and a person with DOB, POB, nationality and passport', async () => {
  const { records } = await parsed(ofacSdn, '2023-12-28');
  const hwang = byId(records, '18552');
  assert.deepEqual(hwang.links, [{ type: 'linked_to', targetName: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' }]);

  const cho = byId(records, '19791');
  assert.equal(cho.schema, 'Person');
  assert.deepEqual(cho.properties.lastName, ['CHO']);
  assert.deepEqual(cho.properties.firstName, ['Il-U']);
  assert.deepEqual(cho.properties.birthDate, ['1945-05-10']);
  assert.deepEqual(cho.properties.birthPlace, ["Musan, North Hamgyo'ng Province, North Korea"]);
  assert.deepEqual(cho.properties.birthCountry, ['kp']);
  assert.deepEqual(cho.properties.nationality, ['kp']);
  assert.deepEqual(cho.properties.passportNumber, ['736410010']);
  assert.ok(cho.properties.notes.includes('Passport 736410010 (Korea, North)'), "the passport's country is kept in notes");

  const ri = byId(records, '18668');
  assert.deepEqual(ri.properties.passportNumber, ['199110092', '472220503', '654220197']);
  assert.deepEqual(ri.properties.birthDate, ['1970-04-12']);

  const o = byId(records, '15771');
  assert.deepEqual(o.properties.title, ['Vice Chairman of the National Defense Commission']);
  assert.ok(!(o.properties.notes ?? []).includes('Vice Chairman of the National Defense Commission'), 'title repeated in remarks is not a note');

  const aircraft = byId(records, '20540');
  assert.equal(aircraft.schema, 'Aircraft');
  assert.deepEqual(aircraft.properties.model, ['AN24-RV']);
  assert.deepEqual(aircraft.properties.buildDate, ['1974']);
  assert.deepEqual(aircraft.links, [{ type: 'operator', targetName: 'Air Koryo' }]);
});

test('2023-12-28: remarks continued in sdn_comments.csv are joined before parsing', async () => {
  const { records } = await parsed(ofacSdn, '2023-12-28');
  // LI, Jiadong: sdn.csv stops at "...510.210; P", sdn_comments.csv goes on with "hone Number 8613314257947; ...".
  const li = byId(records, '28264');
  assert.ok(li.properties.phone.includes('8613314257947'));
  assert.deepEqual(li.links, [{ type: 'linked_to', targetName: 'LAZARUS GROUP' }]);
  assert.ok(li.properties.weakAlias.includes('khaleesi'));
});

test('2021-07-07: counts and DPRK entries; comments file without end byte is a warning', async () => {
  const { records, warnings } = await parsed(ofacSdn, '2021-07-07');
  assert.equal(records.length, 8976);
  assert.equal(records.filter(isDprk).length, 414);
  assert.ok(warnings.some((w) => /sdn_comments\.csv: no 0x1A end-of-file byte/.test(w)));
});

test('consolidated-2025-12-19: 442 entries, no DPRK entry', async () => {
  const { records } = await parsed(ofacCons, 'consolidated-2025-12-19');
  assert.equal(records.length, 442);
  assert.equal(records.filter(isDprk).length, 0);
  assert.deepEqual(countBy(records, (r) => r.schema), { Person: 79, Organization: 363 });
  assert.ok(records.every((r) => r.source === 'ofac-cons' && r.id === `ofac-${r.recordId}`));
});

test('2025-12-24-partial is refused: sdn.csv is missing', async () => {
  await rejectsWith(ofacSdn.parse(folderFiles(join(OFAC, '2025-12-24-partial'))), (e) => {
    assert.equal(e.file, 'sdn.csv');
    assert.match(e.message, /sdn\.csv/);
    assert.match(e.message, /missing/);
  });
});

test('the direct CSV reader gives the same rows as csv-parse on every real file', () => {
  const folders = ['2023-12-28', '2021-07-07', 'consolidated-2025-12-19'];
  for (const folder of folders) {
    for (const name of readdirSync(join(OFAC, folder))) {
      const path = join(OFAC, folder, name);
      const { text, endMark } = decodeOfacText(readFileSync(path), path);
      const direct = scanRows(text);
      assert.ok(direct, `${folder}/${name}: read directly`);
      assert.deepEqual(direct, csvParseRows(text, path, endMark), `${folder}/${name}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------
// Fixture publication

test('fixture: a complete small publication', async () => {
  const { records, warnings } = await ofacSdn.parse(folderFiles(MINI));
  assert.deepEqual(records.map((r) => r.id), ['ofac-100', 'ofac-200', 'ofac-300', 'ofac-400', 'ofac-500', 'ofac-600']);
  assert.deepEqual(records.map((r) => r.line), [1, 2, 3, 4, 5, 6]);

  const [person, company, vessel, aircraft, cafe, long] = records;
  assert.equal(person.schema, 'Person');
  assert.deepEqual(person.sanctions[0].programs, ['DPRK2', 'NPWMD']);
  assert.deepEqual(person.properties, {
    name: ['KIM, Chol Su'],
    lastName: ['KIM'],
    firstName: ['Chol Su'],
    title: ['Director of Example Bureau'],
    birthDate: ['1960-01-07', '1962'],
    birthPlace: ['Pyongyang, North Korea'],
    birthCountry: ['kp'],
    nationality: ['kp'],
    gender: ['male'],
    passportNumber: ['745120026'],
    notes: ['alt. DOB circa 1962', 'Passport 745120026 (Korea, North) expires 25 Oct 2020'],
    address: ['Pyongyang, Korea, North'],
    country: ['kp'],
    alias: ['KIM, Cholsu'],
  });
  assert.deepEqual(person.links, [{ type: 'linked_to', targetName: 'EXAMPLE TRADING CORPORATION' }]);

  assert.equal(company.schema, 'Organization');
  assert.deepEqual(company.properties.swiftBic, ['EXTCKPPY']);
  assert.deepEqual(company.properties.website, ['www.example.kp']);
  assert.deepEqual(company.properties.email, ['info@example.kp']);
  assert.deepEqual(company.properties.phone, ['850 2 123 4567']);
  assert.deepEqual(company.properties.incorporationDate, ['1999-03-12']);
  assert.deepEqual(company.properties.registrationNumber, ['12345']);
  assert.deepEqual(company.properties.weakAlias, ['ETC']);
  assert.deepEqual(company.properties.previousName, ['OLD EXAMPLE TRADING', 'KOREA EXAMPLE TRADING']);
  assert.deepEqual(company.properties.alias, ['EXAMPLE TRADING CORP']);
  assert.deepEqual(company.properties.address, ['Potonggang District, Pyongyang, Korea, North', 'Dandong, Liaoning, China']);
  assert.deepEqual(company.properties.country, ['kp', 'cn']);
  assert.deepEqual(company.properties.notes, ['Registration Number 12345 (Korea, North)', 'Known for "special" deliveries']);
  assert.deepEqual(company.sanctions[0].provisions, ['Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210']);

  assert.equal(vessel.schema, 'Vessel');
  assert.deepEqual(vessel.properties, {
    name: ['SEA EXAMPLE'],
    callSign: ['HMEX1'],
    type: ['Oil Products Tanker'],
    tonnage: ['1234'],
    grossRegisteredTonnage: ['2345'],
    flag: ['kp'],
    imoNumber: ['9000001'],
    mmsi: ['445000001'],
    pastFlags: ['pa'],
    buildDate: ['1990'],
    alias: ['NEW SEA EXAMPLE'],
  });
  assert.deepEqual(vessel.links, [
    { type: 'owner', targetName: 'EXAMPLE SHIPPING CO' },
    { type: 'linked_to', targetName: 'EXAMPLE TRADING CORPORATION' },
  ]);
  assert.equal(vessel.sanctions[0].provisions, undefined);

  assert.equal(aircraft.schema, 'Aircraft');
  assert.deepEqual(aircraft.properties, { name: ['P-999'], buildDate: ['1985-01'], model: ['IL-62M'], serialNumber: ['3647853'] });
  assert.deepEqual(aircraft.links, [{ type: 'operator', targetName: 'AIR EXAMPLE' }]);

  // Windows-1252 byte 0xC9 decoded; the closing period of the remarks is dropped but S.A. keeps its own.
  assert.equal(cafe.caption, 'CAFÉ EXAMPLE S.A.');
  assert.deepEqual(cafe.links, [{ type: 'linked_to', targetName: 'SOCIEDAD EJEMPLO, S.A.' }]);

  // Remarks cut at 1000 characters and continued in sdn_comments.csv (which begins with a blank line).
  assert.deepEqual(long.properties.phone, ['850212345678']);
  assert.deepEqual(long.properties.birthDate, ['1970']);
  assert.equal(long.properties.notes.length, 20, 'the 20 digital currency addresses are kept verbatim');
  assert.deepEqual(long.links, [{ type: 'linked_to', targetName: 'EXAMPLE TRADING CORPORATION' }]);

  assert.equal(warnings.length, 2, warnings.join('\n'));
  assert.ok(warnings.some((w) => /add\.csv: 1 row\(s\) for ent_nums not in sdn\.csv, skipped: 888 \(line 4\)/.test(w)));
  assert.ok(warnings.some((w) => /sdn_comments\.csv: 1 row\(s\) for ent_nums not in sdn\.csv, skipped: 999 \(line 3\)/.test(w)));
});

test('fixture: sdn.csv alone is a valid publication', async () => {
  await withTempDir(async (dir) => {
    copyMini(dir, ['sdn.csv']);
    const { records, warnings } = await ofacSdn.parse(folderFiles(dir));
    assert.equal(records.length, 6);
    assert.equal(records[0].properties.alias, undefined);
    assert.ok(warnings.some((w) => /1 entry has Remarks of 1000 characters/.test(w)));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Refused inputs

test('refused: truncated sdn.csv (cut mid-row) names the file and the line', async () => {
  await withTempDir(async (dir) => {
    copyMini(dir, ['sdn.csv']);
    const bytes = readFileSync(join(MINI, 'sdn.csv'));
    const cut = bytes.indexOf('"P-999"'); // inside line 4, after its first fields
    writeFileSync(join(dir, 'sdn.csv'), bytes.subarray(0, cut + 3));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.ok(e.file.endsWith('sdn.csv'));
      assert.equal(e.line, 4);
      assert.match(e.reason, /truncated/);
    });

    // Cut after a complete row: every row is whole, but the end-of-file byte is missing.
    const rowEnd = bytes.indexOf('\r\n', cut) + 2;
    writeFileSync(join(dir, 'sdn.csv'), bytes.subarray(0, rowEnd));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.line, 4);
      assert.match(e.reason, /truncated: the file does not end with the 0x1A end-of-file byte$/);
    });

    // Cut between fields: the last row is short.
    const fieldEnd = bytes.indexOf('"aircraft",', cut) + '"aircraft",'.length;
    writeFileSync(join(dir, 'sdn.csv'), bytes.subarray(0, fieldEnd - 1));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.line, 4);
      assert.match(e.reason, /last row has 3 of 12 fields/);
    });
  });
});

test('refused: a row with the wrong number of fields', async () => {
  await withTempDir(async (dir) => {
    const text = readFileSync(join(MINI, 'sdn.csv'), 'latin1').replace('"SEA EXAMPLE","vessel"', '"SEA EXAMPLE"');
    writeFileSync(join(dir, 'sdn.csv'), Buffer.from(text, 'latin1'));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.ok(e.file.endsWith('sdn.csv'));
      assert.equal(e.line, 3);
      assert.match(e.reason, /expected 12 fields, found 11/);
    });
  });
});

test('refused: a non-numeric ent_num', async () => {
  await withTempDir(async (dir) => {
    const text = readFileSync(join(MINI, 'sdn.csv'), 'latin1').replace('300,"SEA EXAMPLE"', 'X300,"SEA EXAMPLE"');
    writeFileSync(join(dir, 'sdn.csv'), Buffer.from(text, 'latin1'));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.line, 3);
      assert.match(e.reason, /ent_num "X300" is not a number/);
    });
  });
});

test('refused: an unterminated quote in a file that has its end byte', async () => {
  await withTempDir(async (dir) => {
    const text = readFileSync(join(MINI, 'sdn.csv'), 'latin1').replace('"SEA EXAMPLE"', '"SEA EXAMPLE');
    writeFileSync(join(dir, 'sdn.csv'), Buffer.from(text, 'latin1'));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.ok(e.file.endsWith('sdn.csv'));
      assert.ok(e.line !== undefined && e.line >= 3);
      assert.match(e.reason, /quote|malformed/);
    });
  });
});

test('refused: wrong encodings (UTF-16 with and without BOM, bytes invalid in Windows-1252)', async () => {
  await withTempDir(async (dir) => {
    copyMini(dir, ['sdn.csv']);
    const text = readFileSync(join(MINI, 'sdn.csv'), 'latin1');
    writeFileSync(join(dir, 'sdn.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.ok(e.file.endsWith('sdn.csv'));
      assert.match(e.reason, /wrong encoding: UTF-16/);
    });

    writeFileSync(join(dir, 'sdn.csv'), Buffer.from(text, 'utf16le'));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.line, 1);
      assert.match(e.reason, /wrong encoding: NUL byte/);
    });

    const bad = Buffer.from(text.replace('SEA EXAMPLE', 'SEA EX\x81MPLE'), 'latin1');
    writeFileSync(join(dir, 'sdn.csv'), bad);
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.line, 3);
      assert.match(e.reason, /byte 0x81 .* neither UTF-8 nor Windows-1252/);
    });
  });
});

test('encodings accepted: ASCII, UTF-8, Windows-1252', () => {
  assert.equal(decodeOfacText(Buffer.from('1,"A"\r\n\x1a', 'latin1'), 'x').encoding, 'ascii');
  const utf8 = decodeOfacText(Buffer.from('1,"CAFÉ"\r\n\x1a', 'utf8'), 'x');
  assert.deepEqual([utf8.encoding, utf8.text, utf8.endMark], ['utf-8', '1,"CAFÉ"\r\n', true]);
  const cp1252 = decodeOfacText(Buffer.from('1,"CAF\xc9 \x80"\r\n', 'latin1'), 'x');
  assert.deepEqual([cp1252.encoding, cp1252.text, cp1252.endMark], ['windows-1252', '1,"CAFÉ €"\r\n', false]);
});

test('refused: add.csv present but alt.csv missing names alt.csv', async () => {
  await withTempDir(async (dir) => {
    copyMini(dir, ['sdn.csv', 'add.csv', 'sdn_comments.csv']);
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.equal(e.file, 'alt.csv');
      assert.match(e.message, /alt\.csv/);
      assert.match(e.reason, /incomplete publication/);
    });
  });
});

test('refused: a truncated companion file names that file', async () => {
  await withTempDir(async (dir) => {
    copyMini(dir);
    const bytes = readFileSync(join(MINI, 'add.csv'));
    writeFileSync(join(dir, 'add.csv'), bytes.subarray(0, bytes.length - 10));
    await rejectsWith(ofacSdn.parse(folderFiles(dir)), (e) => {
      assert.ok(e.file.endsWith('add.csv'));
      assert.equal(e.line, 4);
    });
  });
});

test('fixture files are byte-exact (CRLF, end byte)', () => {
  for (const name of ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']) {
    const bytes = readFileSync(join(MINI, name));
    assert.equal(bytes[bytes.length - 1], 0x1a, name);
    assert.ok(!/[^\r]\n/.test(bytes.toString('latin1')), `${name}: CRLF only`);
  }
  assert.ok(existsSync(join(MINI, '..', 'README.md')));
});

// ---------------------------------------------------------------------------------------------------------
// Units

test('dates: OFAC date phrases to ISO at the stated precision', () => {
  assert.equal(isoDate('07 Jan 1930'), '1930-01-07');
  assert.equal(isoDate('7 Jan 1930'), '1930-01-07');
  assert.equal(isoDate('Jan 1962'), '1962-01');
  assert.equal(isoDate('1962'), '1962');
  assert.equal(isoDate('32 Jan 1962'), undefined);
  assert.equal(isoDate('Foo 1962'), undefined);
  assert.deepEqual(statedDates('07 Jan 1930'), { dates: ['1930-01-07'], exact: true });
  assert.deepEqual(statedDates('circa 1962'), { dates: ['1962'], exact: false });
  assert.deepEqual(statedDates('1962 to 1965'), { dates: ['1962', '1965'], exact: false });
  assert.deepEqual(statedDates('01 Jan 1947 to 01 Jan 1949'), { dates: ['1947-01-01', '1949-01-01'], exact: false });
  assert.deepEqual(statedDates('Mar 1962 to Feb 1963'), { dates: ['1962-03', '1963-02'], exact: false });
  assert.deepEqual(statedDates('circa 1979-1982'), { dates: ['1979', '1982'], exact: false });
  assert.equal(statedDates('sometime in 1962'), undefined);
});

test('remarks: clauses and fields', () => {
  assert.deepEqual(remarkClauses("DOB 1950; a.k.a. 'X'."), ['DOB 1950', "a.k.a. 'X'"]);
  assert.deepEqual(remarkClauses('Linked To: FOO S.A.'), ['Linked To: FOO S.A.']);

  const read = (schema: 'Person' | 'Organization' | 'Vessel', remarks: string) => {
    const draft = new RecordDraft(schema);
    readRemarks(remarks, draft, new Observations());
    return draft;
  };
  const p = read('Person', "DOB 1962 to 1965; nationality Korea, North; citizen Russia; Gender Female; National ID No. 123 (Russia); alt. Passport 99; f.k.a. 'OLD'");
  assert.deepEqual(p.properties.birthDate, ['1962', '1965']);
  assert.deepEqual(p.properties.nationality, ['kp']);
  assert.deepEqual(p.properties.citizenship, ['ru']);
  assert.deepEqual(p.properties.gender, ['female']);
  assert.deepEqual(p.properties.idNumber, ['123']);
  assert.deepEqual(p.properties.passportNumber, ['99']);
  assert.deepEqual(p.properties.previousName, ['OLD']);
  assert.deepEqual(p.properties.notes, ['DOB 1962 to 1965', 'National ID No. 123 (Russia)']);

  const o = read('Organization', 'Tax ID No. 7700 (Russia); Company Number IMO 5055293; Organization Type: Mining of hard coal; Target Type State-Owned Enterprise; Additional Sanctions Information - Subject to Secondary Sanctions; Telephone (98)(21)(66153220); Fax 850 2 1');
  assert.deepEqual(o.properties.taxNumber, ['7700']);
  assert.deepEqual(o.properties.imoNumber, ['5055293']);
  assert.deepEqual(o.properties.sector, ['Mining of hard coal']);
  assert.deepEqual(o.properties.legalForm, ['State-Owned Enterprise']);
  assert.deepEqual(o.properties.phone, ['(98)(21)(66153220)', '850 2 1']);
  assert.deepEqual(o.provisions, ['Additional Sanctions Information - Subject to Secondary Sanctions']);

  const v = read('Vessel', 'Former Vessel Flag Tuvalu; Other Vessel Call Sign 3EXA; Vessel Type Crude Oil Tanker; MMSI 12345; Gender Male');
  assert.deepEqual(v.properties.pastFlags, ['tv']);
  assert.deepEqual(v.properties.callSign, ['3EXA']);
  assert.deepEqual(v.properties.type, ['Crude Oil Tanker']);
  assert.equal(v.properties.mmsi, undefined, 'an MMSI has nine digits');
  assert.deepEqual(v.properties.notes, ['MMSI 12345', 'Gender Male'], 'a field the schema lacks is kept as a note');
});

test('csv: the direct reader and csv-parse agree on quoting corner cases, and it leaves odd input to csv-parse', () => {
  const text = '\r\n1,"a ""quoted"" word","",-0- \r\n\r\n2,"x,y",,"z"\n3,"end"';
  assert.deepEqual(scanRows(text), csvParseRows(text, 'x', true));
  assert.deepEqual(scanRows(text)?.map((r) => r.line), [2, 4, 5]);
  assert.equal(scanRows('1,"two\r\nlines"\r\n'), undefined);
  assert.equal(scanRows('1,a"b\r\n'), undefined);
  assert.equal(scanRows('1,"a"b\r\n'), undefined);
  assert.equal(scanRows('1,"open\r\n'), undefined);
  const table = parseOfacCsv(Buffer.from('1,"two\r\nlines"\r\n2,"x"\r\n\x1a', 'latin1'), 'x', { columns: 2, requireEndMark: true });
  assert.deepEqual(table.rows.map((r) => r.fields), [['1', 'two\r\nlines'], ['2', 'x']]);
});
