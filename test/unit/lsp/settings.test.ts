import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, sectionOf, validateSettings } from '../../../src/server/settings';

describe('language server settings', () => {
  it('takes valid values and fills the rest with the declared defaults', () => {
    const { settings, problems } = validateSettings({ files: ['**/*.txt'], checks: { names: false }, corroborationThreshold: 0.6, singleSourceClaims: 'hint' });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.files, ['**/*.txt']);
    assert.equal(settings.checks.names, false);
    assert.equal(settings.checks.spelling, true);
    assert.equal(settings.corroborationThreshold, 0.6);
    assert.equal(settings.singleSourceClaims, 'hint');
    assert.equal(settings.debounce, DEFAULT_SETTINGS.debounce);
  });

  it('rejects wrong types and out-of-range values one by one, keeping the defaults for them', () => {
    const { settings, problems } = validateSettings({ files: 'x', checks: { names: 'no', colour: true }, corroborationThreshold: 2, maxFileSize: 0, debounce: Number.NaN, singleSourceClaims: 'loud' });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 7, problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('secondSource.corroborationThreshold must be a number from 0 to 1')));
    assert.ok(problems.some((p) => p === 'secondSource.checks.colour is not a check; ignored.'));
  });

  it('treats a missing section as the defaults and anything but an object as a problem', () => {
    assert.deepEqual(validateSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.equal(validateSettings([1]).problems.length, 1);
  });

  it('reads the section from nested or flat didChangeConfiguration payloads', () => {
    assert.deepEqual(sectionOf({ secondSource: { debounce: 5 } }), { debounce: 5 });
    assert.deepEqual(sectionOf({ 'secondSource.debounce': 5, other: 1 }), { debounce: 5 });
    assert.equal(sectionOf({ other: 1 }), undefined);
  });
});
