/**
 * What no name may carry: NUL and the controls that reorder text (U+202A–U+202E, U+2066–U+2069,
 * U+200E/U+200F, U+061C). A right-to-left override in a name turns "photo‮gpj.exe" into
 * "photoexe.jpg" on screen and garbles every line the name is shown on, so names are refused
 * with one at the boundary (imports, API, CLI) and shown isolated in the web for what is
 * already stored.
 *
 * @example unsafeCharIn('a\u202Eb') // 'U+202E'
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this refuses.
const UNSAFE = /[\u0000\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The first refused character of `text` as `U+XXXX`, or undefined when there is none. */
export function unsafeCharIn(text: string): string | undefined {
  const m = UNSAFE.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

// eslint-disable-next-line no-control-regex -- the controls are what a download name loses.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * A file name as a download names it: the refused characters, other controls and path
 * separators taken out, trimmed, at most 200 characters; `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback = 'file'): string {
  const cleaned = [...name.replace(CONTROLS, '').replace(/[/\\]/g, '_').trim()].slice(0, 200).join('');
  return cleaned || fallback;
}
