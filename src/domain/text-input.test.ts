/** The text rule (issue 10, defects 6 and 14): what is refused, what is normalised, and how it is said. */
import { describe, expect, it } from 'vitest';
import { normaliseJsonTree, normaliseText, textProblem } from './text-input.ts';

describe('textProblem', () => {
  it.each([
    ['Individ- och familjeomsorgen', null],
    ['Rad ett\nrad två\r\n\tindrag', null],
    ['Brukare 😀 och 𝄞', null], // paired surrogates are characters
    ['\u00a0\u202f–…', null],
    ['a\u0000b', 'Texten innehåller NUL-tecknet (U+0000) vid tecken 2; det är inte tillåtet i text (bara tabb och radbrytning är det)'],
    ['\u001b[31m', 'Texten innehåller ESC-tecknet (U+001B) vid tecken 1; det är inte tillåtet i text (bara tabb och radbrytning är det)'],
    ['x\u0085', 'Texten innehåller styrtecknet U+0085 (U+0085) vid tecken 2; det är inte tillåtet i text (bara tabb och radbrytning är det)'],
    ['ab\ud800', 'Texten innehåller ett trasigt tecken (ett ensamt surrogat, U+D800) vid tecken 3; skriv om eller klistra in texten på nytt'],
    ['\udc00ab', 'Texten innehåller ett trasigt tecken (ett ensamt surrogat, U+DC00) vid tecken 1; skriv om eller klistra in texten på nytt'],
    ['\uffff', 'Texten innehåller U+FFFF, som inte är ett tecken, vid tecken 1; ta bort det'],
  ])('%j → %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });
});

describe('normaliseText', () => {
  it('composes decomposed letters (NFD from a Mac) into NFC', () => {
    expect(normaliseText('Fo\u0308rvaltning a\u030angstro\u0308m')).toBe('Förvaltning ångström');
    expect(normaliseText('Förvaltning')).toBe('Förvaltning');
    expect(normaliseText('plain ascii')).toBe('plain ascii');
  });
});

describe('normaliseJsonTree', () => {
  it('normalises every text and field name, and reports each refused value with its path', () => {
    const input = JSON.parse('{"plan":{"title":"Fo\\u0308r","letterhead":["ok","a\\u0000"]},"goals":[{"text":"\\ud800"}],"n":1e309}');
    const result = normaliseJsonTree(input);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.plan.letterhead[1]', 'text'],
      ['$.goals[0].text', 'text'],
      ['$.n', 'number'],
    ]);
    expect(result.problems[2]!.message).toBe('Talet är för stort');
    expect((result.value as { plan: { title: string } }).plan.title).toBe('För');
  });

  it('refuses "__proto__" as a field name instead of calling the whole text invalid JSON', () => {
    const result = normaliseJsonTree(JSON.parse('{"plan":{"__proto__":{"admin":true}}}'));
    expect(result.problems).toEqual([{ path: '$.plan', message: 'Fältnamnet "__proto__" är inte tillåtet', code: 'field-name' }]);
  });

  it('refuses two field names that are the same text in NFC', () => {
    const result = normaliseJsonTree(JSON.parse('{"f\\u00f6r":1,"fo\\u0308r":2}'));
    expect(result.problems.map((p) => p.path)).toEqual(['$.för']);
  });

  it('lists the first 100 problems and counts the rest', () => {
    const result = normaliseJsonTree(Array.from({ length: 250 }, () => '\u0000'));
    expect(result.count).toBe(250);
    expect(result.problems).toHaveLength(101);
    expect(result.problems.at(-1)!.message).toBe('… och 150 fel till (de första 100 visas)');
  });

  it('refuses nesting deeper than 64 levels without running out of stack', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    const result = normaliseJsonTree(deep);
    expect(result.problems[0]!.message).toBe('Innehållet är nästlat i fler än 64 nivåer');
  });
});
