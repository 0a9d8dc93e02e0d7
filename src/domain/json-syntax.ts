/**
 * Where and why a text is not JSON, in Swedish (issue 10, defect 14). JSON.parse says so in
 * English and in words that differ between Node versions; this scanner finds the first error
 * itself and names its line and column, so the CLI and the API say the same thing on every Node.
 * It runs only after JSON.parse has refused a text.
 */

export interface JsonSyntaxError {
  line: number;
  column: number;
  reason: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const describeChar = (char: string) => {
  if (char === '\n') return 'en radbrytning';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `styrtecknet U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
};

/** The first syntax error of a text that is not JSON (null if it is JSON after all). */
export function findJsonSyntaxError(text: string, maxNesting = 512): JsonSyntaxError | null {
  let at = 0;
  const end = text.length;
  const stop = (reason: string, position = at): never => {
    throw new Stop(position, reason);
  };
  const unexpected = (expected: string): never => {
    if (at >= end) stop(`texten tar slut, men ${expected} saknas`);
    const char = text[at]!;
    if (char === "'") stop(`texter och fältnamn skrivs inom dubbla citattecken ("), inte enkla`);
    return stop(`${expected} väntades, men här står ${describeChar(char)}`);
  };
  const space = () => {
    while (at < end && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at += 1;
  };
  const word = (literal: string) => {
    if (text.startsWith(literal, at)) at += literal.length;
    else unexpected('ett värde');
  };
  const string = () => {
    at += 1; // the opening quote
    for (;;) {
      if (at >= end) stop('texten tar slut inne i en text (ett avslutande " saknas)');
      const char = text[at]!;
      if (char === '"') {
        at += 1;
        return;
      }
      if (char < ' ') stop(`${describeChar(char)} får inte stå oskyddat i en text; skriv \\n för radbrytning och \\t för tabb`);
      if (char === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) stop('\\u ska följas av fyra hexadecimala siffror');
          at += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) stop(`ogiltig escape-sekvens \\${next ?? ''} (tillåtna: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        at += 2;
        continue;
      }
      at += 1;
    }
  };
  const number = () => {
    const start = at;
    const invalid = 'ogiltigt tal (tal skrivs med punkt som decimaltecken, utan mellanslag eller inledande nollor)';
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at, at + 400));
    if (!match) stop(invalid);
    at += match![0].length;
    if (at < end && /[0-9.eE+-]/.test(text[at]!)) stop(invalid, start);
  };
  const value = (depth: number): void => {
    if (depth > maxNesting) stop(`innehållet är nästlat i fler än ${maxNesting} nivåer`);
    space();
    const char = text[at];
    if (char === '{') return object(depth);
    if (char === '[') return array(depth);
    if (char === '"') return string();
    if (char === 't') return word('true');
    if (char === 'f') return word('false');
    if (char === 'n') return word('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    return unexpected('ett värde');
  };
  const object = (depth: number) => {
    at += 1;
    space();
    if (text[at] === '}') {
      at += 1;
      return;
    }
    for (;;) {
      space();
      if (text[at] === '}') stop('ett kommatecken före } (ta bort det sista kommatecknet)');
      if (text[at] !== '"') unexpected('ett fältnamn inom dubbla citattecken');
      string();
      space();
      if (text[at] !== ':') unexpected('ett kolon efter fältnamnet');
      at += 1;
      value(depth + 1);
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === '}') {
        at += 1;
        return;
      }
      unexpected('ett kommatecken eller }');
    }
  };
  const array = (depth: number) => {
    at += 1;
    space();
    if (text[at] === ']') {
      at += 1;
      return;
    }
    for (;;) {
      space();
      if (text[at] === ']') stop('ett kommatecken före ] (ta bort det sista kommatecknet)');
      value(depth + 1);
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === ']') {
        at += 1;
        return;
      }
      unexpected('ett kommatecken eller ]');
    }
  };
  try {
    space();
    if (at >= end) stop('innehållet är tomt');
    value(0);
    space();
    if (at < end) stop(`efter JSON-värdet står mer (${describeChar(text[at]!)}); bara ett värde är tillåtet`);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, Math.min(error.at, end)), reason: error.reason };
  }
}

/** Line and column (both from 1) of a position in a text. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
