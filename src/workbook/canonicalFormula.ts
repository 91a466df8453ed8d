/**
 * A formula's text in one canonical form, so that the way a spreadsheet re-renders a formula
 * is not taken for a user's edit: Sheets upper-cases function names and references, may drop
 * or add spaces, and may write `0.000000000001` as `1E-12`. Outside string literals and
 * quoted sheet names, the canonical form has no whitespace, is upper case and writes numbers
 * the one way JavaScript prints them. String literals stay exactly as they are: `"Leads"` and
 * `"leads"` are different formulas.
 *
 * A formula in the notation of a decimal-comma locale (`=ROUND(A1;0,5)`, arrays `{1\2;3\4}`)
 * is read as the English notation it stands for (`ROUND(A1,0.5)`, `{1,2;3,4}`). It is known by
 * a ";" outside any array literal, which English notation never has; one without such a ";"
 * (`=A1*0,5`) is left as it is, so at worst it looks edited and is backed up, never the reverse.
 *
 *     canonicalFormula('=sum(a1, b1) * 0.50') === 'SUM(A1,B1)*0.5'
 *     canonicalFormula('=SUMME(A1;0,5)')       === 'SUMME(A1,0.5)'
 */
export function canonicalFormula(formula: string): string {
  const parts = split(formula.startsWith('=') ? formula.slice(1) : formula);
  const localeNotation = parts.some((p) => !p.quoted && outsideArrays(p.text).includes(';'));
  let braces = 0;
  let out = '';
  for (const part of parts) {
    if (part.quoted) {
      out += part.text.startsWith("'") ? part.text.toUpperCase() : part.text; // sheet names are case-insensitive
      continue;
    }
    let code = '';
    for (const c of part.text.replace(/\s+/g, '')) {
      if (c === '{') braces++;
      if (c === '}') braces = Math.max(0, braces - 1);
      code += localeNotation ? english(c, braces > 0) : c;
    }
    out += numbersCanonical(code.toUpperCase(), out);
  }
  return out;
}

/** One character of decimal-comma notation in English notation. */
function english(c: string, inArray: boolean): string {
  if (c === ',') return '.';
  if (c === ';' && !inArray) return ',';
  if (c === '\\' && inArray) return ',';
  return c;
}

/** The text with array literals `{…}` removed. */
function outsideArrays(text: string): string {
  return text.replace(/\{[^}]*\}/g, '');
}

/** Numbers as JavaScript prints them; digits that belong to a reference or a name (A1, LOG10) are left alone. */
function numbersCanonical(code: string, before: string): string {
  return code.replace(/(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/g, (number, _m, _e, at: number) => {
    const previous = at > 0 ? code[at - 1] : before.slice(-1);
    return /[A-Z0-9_$.]/.test(previous) ? number : String(Number(number)).toUpperCase();
  });
}

/** The formula cut into code and quoted parts: string literals "…" and sheet names '…' (a doubled quote stays inside). */
function split(text: string): { text: string; quoted: boolean }[] {
  const parts: { text: string; quoted: boolean }[] = [];
  let i = 0;
  let code = '';
  while (i < text.length) {
    const c = text[i];
    if (c !== '"' && c !== "'") {
      code += c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !(text[j] === c && text[j + 1] !== c)) j += text[j] === c ? 2 : 1;
    if (code) parts.push({ text: code, quoted: false });
    code = '';
    parts.push({ text: text.slice(i, j + 1), quoted: true });
    i = j + 1;
  }
  if (code) parts.push({ text: code, quoted: false });
  return parts;
}
