import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { LOOKBACK_CITATION, STAGED_FILES, USC22_9225_C1B, USC46_70022_B } from '../../src/analyses/maritime/statute.js';
import { PARAMETERS } from '../../src/analyses/maritime/params.js';

const LAW = join(sharedDataDir(), 'law');
const read = (rel: string) => readFileSync(join(sharedDataDir(), rel), 'utf8');

test('the look-back citation quotes the staged law exactly, and says what it does not contain', { skip: !existsSync(LAW) && 'shared data law/ not found' }, () => {
  // The quotes are the staged text, character for character.
  assert.ok(read(STAGED_FILES.usc46_70022_b).includes(USC46_70022_B));
  assert.ok(read(STAGED_FILES.usc22_9225_c).includes(USC22_9225_C1B));
  for (const s of LOOKBACK_CITATION.stagedText) assert.ok(read(s.file).includes(s.quote), s.section);
  // The staged § 70022 (every chunk): "180 days" appears once, in (b)(2), and no port call or ship-to-ship transfer look-back.
  const dir = join(LAW, 'usc-title46-sec70022');
  const index = read('law/INDEX.csv').split('\n').filter((l) => l.startsWith('usc-title46-sec70022/'));
  assert.equal(index.length, 7);
  const all = index.map((l) => readFileSync(join(LAW, l.split(',')[0]), 'utf8')).join('\n');
  assert.ok(existsSync(dir));
  assert.equal(all.match(/180 days/g)?.length, 1);
  assert.match(USC46_70022_B, /\(2\) more than 180 days after the publication of such list/);
  assert.doesNotMatch(all, /ship-to-ship|previous 180 days|called at a port/i);
  assert.match(LOOKBACK_CITATION.finding, /no port-call or STS look-back/);
  // The parameter carries the same finding.
  assert.equal(PARAMETERS['linkage.lookbackDays'].value, 180);
  assert.match(PARAMETERS['linkage.lookbackDays'].note, /no port-call look-back/);
});
