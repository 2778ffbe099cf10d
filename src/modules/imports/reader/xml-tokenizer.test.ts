import { describe, expect, it } from 'vitest';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.ts';

/** The events of `xml` fed in chunks of `size` characters, adjacent texts joined. */
function events(xml: string, size = xml.length, fragment = false): string[] {
  const seen: string[] = [];
  const handler: XmlHandler = {
    open: (name, attributes) => seen.push(`<${name}${JSON.stringify(attributes)}`),
    close: (name) => seen.push(`/${name}`),
    text: (text) => {
      const last = seen.length - 1;
      if (last >= 0 && seen[last].startsWith('"')) seen[last] = JSON.stringify(JSON.parse(seen[last]) + text);
      else seen.push(JSON.stringify(text));
    },
  };
  const tokenizer = new XmlTokenizer(handler, fragment);
  for (let i = 0; i < xml.length; i += size) tokenizer.push(xml.slice(i, i + size));
  tokenizer.end();
  return seen;
}

const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<!DOCTYPE sst [<!ENTITY x "y">]><!-- a <comment> -->' +
  '<x:sst xmlns:x="urn:main" xmlns="urn:other" count=\'2\' x:rel="a&gt;b\tc\r\nd&#9;">' +
  '<x:si><x:t xml:space="preserve"> 长春 &amp;&lt;&quot;&apos;&#x4E2D;&#25991;&#x1F600;\r\nx\ry </x:t></x:si>' +
  '<si><t><![CDATA[<raw> & ]]]></t><empty/><t a = "1 > 0" b="/>"/></si></x:sst>';

describe('XmlTokenizer', () => {
  it('reports elements, attributes and text with entities decoded and line ends normalized', () => {
    expect(events(DOCUMENT)).toEqual([
      '"\\n"',
      '<sst{"count":"2","rel":"a>b c d\\t"}',
      '<si{}',
      '<t{"space":"preserve"}',
      JSON.stringify(' 长春 &<"\'中文😀\nx\ny '),
      '/t',
      '/si',
      '<si{}',
      '<t{}',
      '"<raw> & ]"',
      '/t',
      '<empty{}',
      '/empty',
      '<t{"a":"1 > 0","b":"/>"}',
      '/t',
      '/si',
      '/sst',
    ]);
  });

  it('gives the same events however the text is cut into chunks', () => {
    const whole = events(DOCUMENT);
    for (const size of [1, 2, 3, 7, 64]) expect(events(DOCUMENT, size)).toEqual(whole);
  });

  it('refuses malformed XML, saying what is wrong', () => {
    const cases: [string, string][] = [
      ['<a><b></a>', '</a> closes <b>'],
      ['<a></b>', '</b> closes <a>'],
      ['</a>', '</a> closes no element'],
      ['<a><b>', 'the XML ends before </b>'],
      ['<a><b x="1"', 'the XML ends inside a tag'],
      ['<a>&nbsp;</a>', 'an undefined entity &nbsp;'],
      ['<a>&#0;</a>', 'an undefined entity &#0;'],
      ['<a x=1></a>', 'an attribute value without quotes: x=1'],
      ['<a x></a>', 'an attribute without a value: x'],
      ['<>', 'a tag without a name: <'],
    ];
    for (const [xml, message] of cases) expect(() => events(xml)).toThrow(message);
  });

  it('reads a fragment of a document, closing what it did not open', () => {
    expect(events('</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>', 5, true)).toEqual([
      '/sheetData',
      '<mergeCells{}',
      '<mergeCell{"ref":"A1:B2"}',
      '/mergeCell',
      '/mergeCells',
      '/worksheet',
    ]);
  });

  it('refuses a run of text too long to hold', () => {
    const tokenizer = new XmlTokenizer({ open() {}, close() {}, text() {} });
    tokenizer.push('<t>');
    const chunk = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 17; i++) tokenizer.push(chunk);
    }).toThrow('a tag or text longer than 16777216 characters');
  });
});
