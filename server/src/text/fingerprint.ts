/**
 * A 64-bit fingerprint of a text (its length and two independent 32-bit hashes of its UTF-16 units, FNV-1a and a
 * multiply-rotate one): what a cache keeps to tell that a text is still the same, instead of a copy of the text.
 * Two different texts of the same length share it with a chance of about one in 2^64.
 */
export function fingerprint(text: string): string {
  let fnv = 0x811c9dc5;
  let mix = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    mix = Math.imul((mix ^ code) + 0x7f4a7c15, 0x85ebca6b);
    mix = (mix << 13) | (mix >>> 19);
  }
  return `${text.length}:${(fnv >>> 0).toString(36)}:${(mix >>> 0).toString(36)}`;
}
