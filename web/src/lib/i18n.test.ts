import { expect, test } from 'vitest';
import { ErrorCode } from '@primm/shared/errors';
import { en, enFiles, it, itFiles } from './i18n';

/** Every key path of a nested texts object, e.g. `auth.demo.use`. */
function keys(texts: unknown, prefix = ''): string[] {
  if (typeof texts !== 'object' || texts === null) return [prefix];
  return Object.entries(texts).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test('i18n: when the Italian and English texts are compared, then they have the same keys (no text missing in either)', () => {
  expect(keys(en).sort()).toEqual(keys(it).sort());
});

test('i18n: when the server answers any code of the closed error union, then both languages have its message', () => {
  for (const texts of [it, en]) {
    expect(Object.keys(texts.errors as object)).toEqual(expect.arrayContaining([...ErrorCode.options, 'network']));
  }
});

test('i18n: when the feature files are listed, then each has one top-level key, its own name, and a twin in the other language', () => {
  const features = (files: Record<string, Record<string, unknown>>) =>
    Object.entries(files).map(([path, texts]) => [path.split('/').pop()!.split('.')[0], Object.keys(texts)] as const);
  const itFeatures = features(itFiles);

  for (const [name, topKeys] of [...itFeatures, ...features(enFiles)]) expect(topKeys).toEqual([name]);
  expect(features(enFiles).map(([name]) => name)).toEqual(itFeatures.map(([name]) => name));
  expect(itFeatures.length).toBeGreaterThan(20);
});
