/**
 * A rate range typed as one piece of text, "30%, 50%", split into its two ends the way the
 * Inputs sheet and the sidebar both read it: a comma, semicolon, tilde or dash between them
 * (full-width too), the word "to", 至 or 到, or plain spaces. What the ends mean is the
 * validator's business (readUncertainty.ts): three parts or one are left for it to name.
 */

/** Between the two ends of a range; "30% – 50%", "30%~50%", "0.3 to 0.5", "30% 至 50%". */
const RANGE_SEPARATOR = /\s*(?:[,;，、；~～–—]|\bto\b|至|到)\s*|\s+/;

/**
 * @example
 * rangeParts('30%, 50%');     // → ['30%', '50%']
 * rangeParts('30% – 50%');    // → ['30%', '50%']
 * rangeParts('0.3 to 0.5');   // → ['0.3', '0.5']
 * rangeParts('30% 至 50%');   // → ['30%', '50%']
 * rangeParts('30%');          // → ['30%'] (the validator asks for two)
 */
export function rangeParts(text: string): string[] {
  return text.split(RANGE_SEPARATOR).filter((part) => part !== '');
}
