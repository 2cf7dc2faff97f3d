/**
 * Locates the first syntax error in a JSON text. `JSON.parse` messages differ between engines
 * (V8 versions give a position or none, Firefox a line and column), so a settings file's error is
 * located here, identically everywhere. Called only after `JSON.parse` has failed.
 */

/** Where a JSON text stops being valid, and what was expected there. */
export interface JsonSyntaxError {
  /** 1-based line of the error. */
  line: number;
  /** 1-based column of the error. */
  column: number;
  /** What the parser expected at that point, in words. */
  expected: string;
  /** What it found instead (a character in quotes, or "the end of the file"). */
  found: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/** Returns the first syntax error in `text`, or null if it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) throw new Stop(i, what);
    i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else throw new Stop(i, 'a value');
  };
  const string = () => {
    expect('"', 'a double-quoted string');
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'a closing double quote');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw new Stop(i, 'a closing double quote (control characters must be escaped)');
      if (c === 0x5c) {
        const esc = text[i + 1] ?? '';
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Stop(i, 'four hex digits after \\u');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(esc) || esc === '')
          throw new Stop(i + 1, 'a valid escape after a backslash');
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') throw new Stop(i, 'a value');
    i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') throw new Stop(i, 'a double-quoted property name');
      string();
      ws();
      expect(':', "':' after the property name");
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect('}', "',' or '}' after the property value");
      return;
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']', "',' or ']' after the list item");
      return;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, 'the end of the file');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { ...lineAndColumn(text, e.offset), expected: e.expected, found: foundAt(text, e.offset) };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  return JSON.stringify(text.charAt(offset));
}
