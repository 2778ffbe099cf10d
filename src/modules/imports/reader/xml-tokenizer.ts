/**
 * A small streaming XML tokenizer, enough for the parts of an XLSX workbook: elements, their
 * attributes and their text, fed chunk by chunk and reported to a handler as they complete, so
 * a part of any size is read in the memory of its longest tag or text. Names are given without
 * their namespace prefix (`x:row` is `row`); entities (`&amp;`, `&#x4E2D;`) are decoded and line
 * ends normalized as XML says; comments, processing instructions and the doctype are skipped;
 * CDATA is text. Malformed XML is an {@link XmlError}.
 *
 * @example
 * const tokenizer = new XmlTokenizer({ open: (name, attrs) => {}, close: (name) => {}, text: (t) => {} });
 * for await (const text of xmlText(bytes)) tokenizer.push(text);
 * tokenizer.end();
 */

export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** An element opens (a self-closing one is then closed at once). */
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /** Text, decoded; one run of text may come in several calls. */
  text(text: string): void;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** The longest tag or run of text held while waiting for its end (Excel's cells hold 32,767 characters). */
const MAX_PENDING = 16 * 1024 * 1024;
const NO_ATTRIBUTES: XmlAttributes = Object.freeze({});
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class XmlTokenizer {
  private pending = '';
  // Where in `pending` the search for the next `<` resumes (text already known to hold none).
  private searchFrom = 0;
  private readonly open: string[] = [];

  /** With `fragment`, a piece of a document is read: closing what it did not open is no error. */
  constructor(
    private readonly handler: XmlHandler,
    private readonly fragment = false,
  ) {}

  push(chunk: string): void {
    const text = this.pending.length === 0 ? chunk : this.pending + chunk;
    const used = this.scan(text);
    this.pending = used === text.length ? '' : text.slice(used);
    if (this.pending.length > MAX_PENDING) {
      throw new XmlError(`a tag or text longer than ${MAX_PENDING} characters`);
    }
  }

  /** The document is complete: text left is given out, and a tag or element left open is an error. */
  end(): void {
    if (this.pending.startsWith('<')) throw new XmlError('the XML ends inside a tag');
    if (this.pending.length > 0) this.handler.text(decodeText(this.pending));
    this.pending = '';
    if (!this.fragment && this.open.length > 0) {
      throw new XmlError(`the XML ends before </${this.open[this.open.length - 1]}>`);
    }
  }

  // Reports every complete token of `s`; returns how far it got.
  private scan(s: string): number {
    const { handler } = this;
    let at = 0;
    for (;;) {
      const lt = s.indexOf('<', Math.max(at, this.searchFrom));
      if (lt === -1) {
        this.searchFrom = s.length - at;
        return at;
      }
      this.searchFrom = 0;
      if (lt > at) handler.text(decodeText(s.slice(at, lt)));
      at = lt;
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (next === 47 /* / */) {
        end = s.indexOf('>', lt + 2);
        if (end === -1) return at;
        let nameEnd = end;
        while (isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        this.closeElement(localName(s.slice(lt + 2, nameEnd)));
      } else if (next === 63 /* ? */) {
        end = s.indexOf('?>', lt + 2);
        if (end === -1) return at;
        end += 1;
      } else if (next === 33 /* ! */) {
        end = this.special(s, lt);
        if (end === -1) return at;
      } else if (Number.isNaN(next)) {
        return at;
      } else {
        end = tagEnd(s, lt + 1);
        if (end === -1) return at;
        const selfClosing = s.charCodeAt(end - 1) === 47;
        this.openElement(s, lt + 1, selfClosing ? end - 1 : end, selfClosing);
      }
      at = end + 1;
    }
  }

  // `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>`: where it ends, or -1 if not yet.
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 2;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      this.handler.text(s.slice(lt + 9, end).replace(/\r\n?/g, '\n'));
      return end + 2;
    }
    if (s.length - lt < 9) return -1;
    // A doctype, perhaps with an internal subset in brackets; its entities are not expanded.
    let depth = 0;
    for (let i = lt + 2; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) depth--;
      else if (c === 62 /* > */ && depth <= 0) return i;
    }
    return -1;
  }

  // The tag s[from, to): its name, then its attributes.
  private openElement(s: string, from: number, to: number, selfClosing: boolean): void {
    let nameEnd = from;
    while (nameEnd < to && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    const name = localName(s.slice(from, nameEnd));
    if (name.length === 0) throw new XmlError(`a tag without a name: <${s.slice(from, from + 40)}>`);
    this.handler.open(name, nameEnd === to ? NO_ATTRIBUTES : attributesOf(s, nameEnd, to));
    if (selfClosing) this.handler.close(name);
    else if (!this.fragment) this.open.push(name);
  }

  private closeElement(name: string): void {
    if (!this.fragment) {
      const expected = this.open.pop();
      if (expected !== name) {
        throw new XmlError(expected ? `</${name}> closes <${expected}>` : `</${name}> closes no element`);
      }
    }
    this.handler.close(name);
  }
}

/** The text of an XML part's UTF-8 bytes (what every XLSX writer uses), a byte-order mark dropped. */
export async function* xmlText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Text content as XML reads it: line ends normalized, entities decoded. */
export function decodeText(raw: string): string {
  const text = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  return text.indexOf('&') === -1 ? text : text.replace(/&([^&;]*);/g, entity);
}

// An attribute's value: as text, with tabs and line ends also turned into spaces.
function decodeAttribute(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = c !== 38 /* & */ && c !== 9 && c !== 10 && c !== 13;
  }
  if (plain) return raw;
  const text = raw.replace(/\r\n?|[\t\n]/g, ' ');
  return text.indexOf('&') === -1 ? text : text.replace(/&([^&;]*);/g, entity);
}

function entity(whole: string, name: string): string {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const code = /^#x[0-9a-f]+$/i.test(name)
    ? parseInt(name.slice(2), 16)
    : /^#\d+$/.test(name)
      ? Number(name.slice(1))
      : NaN;
  if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
  throw new XmlError(`an undefined entity ${whole.slice(0, 40)}`);
}

function attributesOf(s: string, from: number, to: number): XmlAttributes {
  const attributes: Record<string, string> = {};
  for (let at = from; ;) {
    const equals = s.indexOf('=', at);
    if (equals === -1 || equals >= to) {
      const rest = s.slice(at, to).trim();
      if (rest !== '') throw new XmlError(`an attribute without a value: ${rest.slice(0, 40)}`);
      return attributes;
    }
    let open = equals + 1;
    while (isSpace(s.charCodeAt(open))) open++;
    const quote = s.charCodeAt(open);
    const close = quote === 34 || quote === 39 ? s.indexOf(quote === 34 ? '"' : "'", open + 1) : -1;
    if (close === -1 || close >= to) {
      throw new XmlError(`an attribute value without quotes: ${s.slice(at, to).trim().slice(0, 40)}`);
    }
    let nameStart = at;
    while (isSpace(s.charCodeAt(nameStart))) nameStart++;
    let nameEnd = equals;
    while (nameEnd > nameStart && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = s.slice(nameStart, nameEnd);
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) {
      attributes[localName(name)] = decodeAttribute(s.slice(open + 1, close));
    }
    at = close + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// Where the tag starting at `from` ends (its `>`, outside quoted values), or -1 if not yet.
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
