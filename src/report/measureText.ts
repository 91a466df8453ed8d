/** Rough text widths for SVG labels: there is no layout engine when the report is written, so we estimate. */

/** CJK and full-width characters take about one em; Latin text averages a little over half. */
function charWidth(ch: string, fontSize: number): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide = (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60);
  return (wide ? 1 : 0.62) * fontSize;
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch, fontSize);
  return width;
}

/** Shortens a label with an ellipsis so a long custom stage id cannot run into the bars. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('') + '…';
}
