/**
 * Where JSON text breaks, as line and column, for messages a person can act on. Node 20's
 * JSON.parse often names the token but not its position, so a small scanner finds the offset.
 */

/** Line and column (1-based) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first JSON syntax error in a text, or null when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    return scanner.at < text.length ? scanner.at : null;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    throw error;
  }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON-fel vid ${offset}`);
  }
}

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) throw new SyntaxAt(this.at);
    this.at++;
  }

  value(): void {
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!number) throw new SyntaxAt(this.at);
    this.at += number[0].length;
  }

  private object(): void {
    this.expect('{');
    this.skipSpace();
    if (this.text[this.at] === '}') return void this.at++;
    for (;;) {
      this.skipSpace();
      this.string();
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.text[this.at] === '}') return void this.at++;
      this.expect(',');
    }
  }

  private array(): void {
    this.expect('[');
    this.skipSpace();
    if (this.text[this.at] === ']') return void this.at++;
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.text[this.at] === ']') return void this.at++;
      this.expect(',');
    }
  }

  private string(): void {
    this.expect('"');
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '"') return void this.at++;
      if (char === '\\') this.at++;
      else if (char.charCodeAt(0) < 0x20) throw new SyntaxAt(this.at);
      this.at++;
    }
    throw new SyntaxAt(this.at);
  }
}
