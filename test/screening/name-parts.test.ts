import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expandAbbreviations, filiations, numberWords, personParts, romanNumerals, shortCountryNames,
} from '../../src/analyses/screening/normalize/name-parts.js';
import { translateInstitutionWords } from '../../src/analyses/screening/normalize/korean/institution-words.js';
import { nicknameOf } from '../../src/analyses/screening/normalize/nicknames.js';
import { nameForm, slavicGender, variantSpelling } from '../../src/analyses/screening/forms.js';

test('person parts: Arabic particles written one way, set aside with titles, kept in the chain', () => {
  assert.deepEqual(personParts(['abd', 'al', 'aziz', 'el', 'nuristani']), {
    tokens: ['abdul', 'aziz', 'nuristani'], chain: ['abdul', 'aziz', 'al', 'nuristani'], ignored: ['al'],
  });
  assert.deepEqual(personParts(['usama', 'ibn', 'ladin']).chain, ['usama', 'bin', 'ladin']);
  assert.deepEqual(personParts(['ben', 'smith']).tokens, ['ben', 'smith'], 'Ben first is a given name');
  assert.deepEqual(personParts(['isa', 'ben', 'tarif']).tokens, ['isa', 'tarif']);
  assert.deepEqual(personParts(['shaikh', 'hamad', 'al', 'thani']).tokens, ['hamad', 'thani']);
  assert.deepEqual(personParts(['al']).tokens, ['al'], 'nothing but particles: kept');
});

test('filiations: X bin Y, particles skipped', () => {
  assert.deepEqual(filiations(['khalid', 'bin', 'faisal', 'al', 'harbi']), [['khalid', 'faisal']]);
  assert.deepEqual(filiations(['ibrahim', 'bin', 'al', 'din', 'al', 'masri']), [['ibrahim', 'din']]);
  assert.deepEqual(filiations(['al', 'bin', 'ali']), []);
});

test('number words, ordinals and roman numerals become digits', () => {
  assert.deepEqual(numberWords(['brigade', 'forty', 'four']), ['brigade', '44']);
  assert.deepEqual(numberWords(['brigade', 'fourty', '4']), ['brigade', '44']);
  assert.deepEqual(numberWords(['three', 'percenters']), ['3', 'percenters']);
  assert.deepEqual(numberWords(['first', 'bank']), ['1', 'bank']);
  assert.deepEqual(numberWords(['1st', 'bank']), ['1', 'bank']);
  assert.deepEqual(numberWords(['unit', 'twenty']), ['unit', '20']);
  assert.deepEqual(romanNumerals(['fund', 'viii']), ['fund', '8']);
  assert.deepEqual(romanNumerals(['trust', 'xiv', 'ix']), ['trust', '14', '9']);
  assert.deepEqual(romanNumerals(['xi', 'corp']), ['xi', 'corp'], 'a first word stays a word');
  assert.deepEqual(nameForm('L.X.C. Aviation', 'Company').tokens, ['lxc', 'aviation'], 'initials are not numerals');
  assert.deepEqual(nameForm('Carlyle Partners VII L.P.', 'Company').numbers, ['7']);
});

test('abbreviations and formal country names in organization names', () => {
  assert.deepEqual(expandAbbreviations(['first', 'bank', 'intl']), ['first', 'bank', 'international']);
  assert.deepEqual(shortCountryNames(['central', 'bank', 'democratic', 'peoples', 'republic', 'korea']), ['central', 'bank', 'korea']);
  assert.deepEqual(shortCountryNames(['dprk', 'academy']), ['korea', 'academy']);
});

test('Hangul institution words translated, proper names left for the romanizer', () => {
  assert.equal(translateInstitutionWords('조선광업개발무역회사'), 'Korea Mining Development Trading Company');
  assert.equal(translateInstitutionWords('단천상업은행'), '단천 Commercial Bank');
  assert.equal(translateInstitutionWords('정찰총국'), 'Reconnaissance General Bureau');
  assert.equal(translateInstitutionWords('국가보위성'), 'State Security Ministry');
  assert.equal(translateInstitutionWords('39호실'), '39 Office');
  assert.equal(translateInstitutionWords('제2경제위원회'), '2 Economic Committee');
  assert.equal(translateInstitutionWords('삼성전자'), undefined);
  assert.equal(translateInstitutionWords('한국'), undefined, 'a final 국 alone is not a bureau');
});

test('nicknames, Slavic gender endings and transliteration variants', () => {
  assert.ok(nicknameOf('ted', 'theodore') && nicknameOf('edward', 'ted') && nicknameOf('bibi', 'benjamin'));
  assert.ok(!nicknameOf('ted', 'ned'), 'two short forms');
  assert.ok(!nicknameOf('bill', 'robert'));
  assert.equal(slavicGender('ivanova'), 'f');
  assert.equal(slavicGender('ivanov'), 'm');
  assert.equal(slavicGender('smith'), '');
  assert.equal(variantSpelling('sergej'), variantSpelling('sergey'));
  assert.equal(variantSpelling('wolodymyr'), 'volodymyr');
  assert.equal(variantSpelling('nooristani'), variantSpelling('nuristani'));
});
