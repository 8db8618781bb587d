/**
 * Finds where JSON text stops being valid. Node 20's JSON.parse errors give no position
 * ("Unexpected token '}', ... is not valid JSON"), so a malformed file is re-scanned to name its line.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

class Stop {
  constructor(readonly at: number) {}
}

/** Offset of the first JSON syntax error in `text`, or null when the scanner finds none. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length) {
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') fail();
      i += c === '\\' ? 2 : 1;
    }
    fail();
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      return sequence('}', () => {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
      });
    }
    if (c === '[') return sequence(']', value);
    if (c === '"') return string();
    const word = LITERALS[c];
    if (word) return void (text.startsWith(word, i) ? (i += word.length) : fail());
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail();
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}
