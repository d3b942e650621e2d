/**
 * A look at JSON text before anything walks its parsed value: how deeply it
 * nests, and whether an object names a member twice. `JSON.parse` keeps only the
 * last of two equal names, while a person reading the file sees the first; and
 * any recursive walk over a value 6,000 arrays deep overflows the stack.
 */

export interface JsonScan {
  /** Deepest nesting of objects and arrays, counting brackets inside strings as text. */
  depth: number;
  /** The first member name an object repeats, compared after decoding escapes. */
  duplicateName?: string;
}

interface Frame {
  /** Member names seen so far; null for an array. */
  names: Set<string> | null;
  /** Whether the next string in this object is a member name. */
  expectName: boolean;
}

/** Index just past the string literal that opens at `start` (a `"`), skipping escapes. */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** A string literal's value; malformed text (which JSON.parse refuses anyway) decodes to itself. */
function decodeName(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal;
  }
}

/**
 * One pass, iterative, over any text (valid JSON or not): it never recurses,
 * and stops counting duplicates once one is found.
 */
export function scanJson(text: string): JsonScan {
  const stack: Frame[] = [];
  let depth = 0;
  let duplicateName: string | undefined;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const top = stack[stack.length - 1];
    if (char === '"') {
      const end = endOfString(text, index);
      if (top?.names && top.expectName && duplicateName === undefined) {
        const name = decodeName(text.slice(index, end));
        if (top.names.has(name)) duplicateName = name;
        top.names.add(name);
      }
      if (top) top.expectName = false;
      index = end;
      continue;
    }
    if (char === '{' || char === '[') {
      stack.push({ names: char === '{' ? new Set() : null, expectName: char === '{' });
      depth = Math.max(depth, stack.length);
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top?.names) {
      top.expectName = true;
    }
    index += 1;
  }
  return duplicateName === undefined ? { depth } : { depth, duplicateName };
}
