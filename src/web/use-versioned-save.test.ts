/** The versioned save's reading of a refused write: which refusal carries the saved version to choose against. */
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { etagOf, savedVersionOf } from './use-versioned-save.ts';

const saved = { version: 7, item: { key: 'sn-volymer', caption: 'MÅTT' } };

describe('savedVersionOf', () => {
  it.each([
    ['a 412 with the saved version', new ApiError(412, 'precondition-failed', 'Någon annan har ändrat detta', [], { current: saved }), saved],
    ['a 412 without it', new ApiError(412, 'precondition-failed', 'Någon annan har ändrat detta'), null],
    ['a 412 whose version is not a number', new ApiError(412, 'precondition-failed', '', [], { current: { version: '7', item: saved.item } }), null],
    ['a 409 (frozen) is a refusal, not a conflict', new ApiError(409, 'frozen', 'Planen är fastställd', [], { current: saved }), null],
    ['a network failure', new ApiError(0, 'network', 'Servern svarar inte'), null],
    ['not an API error at all', new Error('x'), null],
  ])('%s', (_name, error, expected) => {
    expect(savedVersionOf(error)).toEqual(expected);
  });

  it('writes a version as the ETag the server sends', () => {
    expect(etagOf(7)).toBe('"7"');
  });
});
