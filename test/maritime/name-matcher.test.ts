import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureApi } from '../api/fixtures.js';
import { screeningNameMatcher } from '../../src/analyses/maritime/name-matcher.js';
import { linkVessels } from '../../src/analyses/maritime/linkage.js';
import { designatedVessels } from '../../src/analyses/maritime/designated.js';

test('linkage by name through the screening index: spelling variants of a designated vessel link, other names and non-vessels do not', async () => {
  const api = await fixtureApi();
  try {
    const match = screeningNameMatcher(() => api.services.screening.index, 0.9);
    const exact = await match('CHONG CHON GANG');
    assert.equal(exact[0].id, 'ofac-17069');
    assert.ok(exact[0].score >= 0.9);
    assert.equal((await match('Chong Chon-Gang'))[0]?.id, 'ofac-17069');
    assert.deepEqual(await match('OCEAN GRACE'), []);
    // A person's name is not a vessel.
    assert.deepEqual(await match('RI YONG GIL'), []);
    // The designated vessels the store holds (IMO from the record) and the links: by IMO first, by name when no IMO matches.
    const designated = await designatedVessels(api.db);
    assert.deepEqual(designated.map((d) => [d.id, d.imo]), [['ofac-17069', 7937317]]);
    const links = await linkVessels([
      { mmsi: 445123000, imos: [], names: ['CHONG CHON-GANG'] },
      { mmsi: 352000001, imos: [7937317], names: ['SOMETHING ELSE'] },
      { mmsi: 352000002, imos: [], names: ['OCEAN GRACE'] },
    ], designated, { nameMatcher: match });
    assert.deepEqual(links.map((l) => [l.mmsi, l.designatedId, l.by]), [[445123000, 'ofac-17069', 'name'], [352000001, 'ofac-17069', 'imo']]);
  } finally {
    await api.close();
  }
});
