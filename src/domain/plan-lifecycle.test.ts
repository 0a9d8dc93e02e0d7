/** What each status of a plan allows (decision 0004), as one table. */
import { describe, expect, it } from 'vitest';
import { StyrkortError } from './errors.ts';
import { assertChangeable, changeScope, isBuiltFromSnapshot, isFrozen, isPublic, mayChange, mayChangeContent, mayChangeFollowUp, mayReplaceOrDelete } from './plan-lifecycle.ts';

describe('a plan status and what it allows', () => {
  it.each([
    // status, scope, frozen, content, follow-up, replace/delete, public, documents from snapshot
    ['draft', 'all', false, true, true, true, false, false],
    ['submitted', 'all', false, true, true, false, false, false],
    ['adopted', 'follow-up', true, false, true, false, true, true],
    ['archived', 'none', true, false, false, false, false, true],
    ['unknown', 'none', true, false, false, false, false, true],
  ] as const)('%s: %s', (status, scope, frozen, content, followUp, replace, open, snapshot) => {
    expect(changeScope(status)).toBe(scope);
    expect([isFrozen(status), mayChangeContent(status), mayChangeFollowUp(status), mayReplaceOrDelete(status), isPublic(status), isBuiltFromSnapshot(status)]).toEqual([frozen, content, followUp, replace, open, snapshot]);
  });

  it.each([
    ['draft', false, true],
    ['adopted', true, true],
    ['adopted', false, false],
    ['archived', true, false],
  ] as const)('%s takes a change with follow-up only = %s: %s', (status, followUp, allowed) => {
    expect(mayChange(status, followUp)).toBe(allowed);
  });

  it('refuses in Swedish with the code frozen (409)', () => {
    const refusal = (status: string, followUp: boolean) => {
      try {
        assertChangeable({ key: 'timra-sn-2020-2022', status }, followUp);
        return null;
      } catch (error) {
        return error instanceof StyrkortError ? [error.code, error.message] : error;
      }
    };
    expect(refusal('submitted', false)).toBeNull();
    expect(refusal('adopted', true)).toBeNull();
    expect(refusal('adopted', false)).toEqual(['frozen', 'Planen timra-sn-2020-2022 är fastställd och kan inte ändras; bara uppföljning (utfall, prognoser, analyser) kan läggas till']);
    expect(refusal('archived', true)).toEqual(['frozen', 'Planen timra-sn-2020-2022 är arkiverad och kan inte ändras']);
  });
});
