import { expect, test } from 'vitest';
import { hashToken } from './token-hash';

// The stored hashes of sessions, calendar feeds and service tokens made before this module must still match.
test.each([
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
])('hashToken(%j) is the SHA-256 in hex', (token, expected) => {
  expect(hashToken(token)).toBe(expected);
});
