/**
 * A formula's text in one canonical form, so that the way a spreadsheet re-renders a formula
 * is not taken for a user's edit: Sheets upper-cases function names and references, may drop
 * or add spaces, and writes `0.000000000001` as `1E-12`. Outside string literals and quoted
 * sheet names, the canonical form has no whitespace, is upper case, writes numbers the one way
 * JavaScript prints them and uses "," between arguments (";", the separator of decimal-comma
 * locales, only separates rows inside an array literal `{…}`). String literals stay exactly
 * as they are: `"Leads"` and `"leads"` are different formulas.
 *
 *     canonicalFormula('=sum(a1, b1) * 0.50') === 'SUM(A1,B1)*0.5'
 */
export function canonicalFormula(formula: string): string {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  let out = '';
  let braces = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // A string literal ("…") or a quoted sheet name ('…'); a doubled quote stays inside.
      let j = i + 1;
      while (j < text.length && !(text[j] === c && text[j + 1] !== c)) j += text[j] === c ? 2 : 1;
      const quoted = text.slice(i, j + 1);
      out += c === "'" ? quoted.toUpperCase() : quoted; // sheet names are case-insensitive
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(text.slice(i));
    if (number && !/[A-Z0-9_$.]$/.test(out)) {
      out += String(Number(number[0])).toUpperCase();
      i += number[0].length;
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces = Math.max(0, braces - 1);
    out += c === ';' && braces === 0 ? ',' : c.toUpperCase();
    i++;
  }
  return out;
}
