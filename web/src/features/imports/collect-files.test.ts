import { describe, expect, test } from 'vitest';
import { checkFiles, pickedFromInput, type PickedFile, type RefusalReason } from './collect-files';

const limits = { maxFiles: 3, maxFileBytes: 10, extensions: ['.csv', '.txt', '.zip'] };

function picked(path: string, bytes = 1): PickedFile {
  return { path, file: new File(['x'.repeat(bytes)], path.split('/').pop()!) };
}

describe('checkFiles', () => {
  test.each<[string, PickedFile[], string[], [string, RefusalReason][], boolean]>([
    [
      'CSV, TXT and ZIP',
      [picked('a/scuola.csv'), picked('a/README.TXT'), picked('dati.zip')],
      ['a/scuola.csv', 'a/README.TXT', 'dati.zip'],
      [],
      false,
    ],
    // a photo in the folder is left out, the school's files still go
    [
      'a .png beside CSVs',
      [picked('a/foto.png'), picked('a/voti.csv')],
      ['a/voti.csv'],
      [['a/foto.png', 'type']],
      false,
    ],
    [
      'a name without extension',
      [picked('a/.DS_Store'), picked('a/csv')],
      [],
      [
        ['a/.DS_Store', 'type'],
        ['a/csv', 'type'],
      ],
      false,
    ],
    // 11 bytes > 10: sending the rest would import the school without that file
    ['a too-big file', [picked('a/voti.csv', 11), picked('a/scuola.csv')], [], [['a/voti.csv', 'size']], true],
    ['exactly the size limit', [picked('a/voti.csv', 10)], ['a/voti.csv'], [], false],
    [
      'one file over the count',
      ['1', '2', '3', '4'].map((n) => picked(`a/${n}.csv`)),
      [],
      [['a/4.csv', 'count']],
      true,
    ],
    // the .png does not count towards the 3 files
    [
      'a .png and a too-big file',
      [picked('a/foto.png'), picked('a/big.csv', 50)],
      [],
      [
        ['a/foto.png', 'type'],
        ['a/big.csv', 'size'],
      ],
      true,
    ],
  ])('checkFiles: when %s, then the expected files are sent and refused', (_case, files, sent, refused, blocked) => {
    const result = checkFiles(files, limits);

    expect(result.accepted.map((f) => f.path)).toEqual(sent);
    expect(result.refused.map((r) => [r.path, r.reason])).toEqual(refused);
    expect(result.blocked).toBe(blocked);
  });
});

describe('pickedFromInput', () => {
  test('pickedFromInput: when files come from a folder, then their relative paths are kept', () => {
    const inFolder = new File(['x'], 'voti.csv');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'regione/ANIS00800L/voti.csv' });
    const single = new File(['x'], 'dati.zip');

    expect(pickedFromInput([inFolder, single]).map((p) => p.path)).toEqual(['regione/ANIS00800L/voti.csv', 'dati.zip']);
  });
});
