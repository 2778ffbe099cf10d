import { entryChunks, openZip, type ZipArchive, type ZipEntry } from './zip-archive.ts';
import { SharedStrings } from './xlsx-shared-strings.ts';
import { StylesHandler } from './xlsx-styles.ts';
import { XmlError, xmlText, XmlTokenizer, type XmlAttributes, type XmlHandler } from './xml-tokenizer.ts';

/** A worksheet of a workbook: its name and the zip entry holding its cells. */
export interface XlsxSheet {
  name: string;
  entry: ZipEntry;
}

/**
 * A workbook opened for reading its sheets one by one: what every sheet needs (names and parts,
 * the date system, which styles are dates, the shared strings) read from its small parts; the
 * sheets themselves are streamed by xlsx-sheet.ts.
 */
export interface XlsxWorkbook {
  zip: ZipArchive;
  /** The worksheets in the workbook's order (chart sheets and the like left out). */
  sheets: XlsxSheet[];
  date1904: boolean;
  /** By style index: whether a number in a cell of that style is a date. */
  dateStyles: boolean[];
  strings: SharedStrings;
}

/** A workbook that cannot be read; the message says why. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

const WORKBOOK = 'xl/workbook.xml';

/**
 * Opens the workbook at `path`: reads its directory, workbook, relationships, styles and shared
 * strings (the one part held whole, as the table cells refer to).
 *
 * @example
 * const book = await openWorkbook('book.xlsx');
 * book.sheets.map((s) => s.name) // ['units', 'areas']
 */
export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const zip = await openZip(path);
  const workbookEntry = zip.entries.get(WORKBOOK);
  if (!workbookEntry) throw new XlsxError(`it has no ${WORKBOOK}`);
  const workbook = new WorkbookHandler();
  await parsePart(zip, workbookEntry, workbook);
  const rels = new RelationshipsHandler();
  const relsEntry = zip.entries.get('xl/_rels/workbook.xml.rels');
  if (relsEntry) await parsePart(zip, relsEntry, rels);

  const sheets: XlsxSheet[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.byId.get(sheet.rel ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const entry = entryOf(zip, rel.target);
    if (!entry) throw new XlsxError(`the part of sheet "${sheet.name}" (${rel.target}) is missing`);
    sheets.push({ name: sheet.name, entry });
  }

  const styles = new StylesHandler();
  const stylesEntry = entryOf(zip, rels.targetOf('/styles') ?? 'xl/styles.xml');
  if (stylesEntry) await parsePart(zip, stylesEntry, styles);
  const strings = new SharedStrings();
  const stringsEntry = entryOf(zip, rels.targetOf('/sharedStrings') ?? 'xl/sharedStrings.xml');
  if (stringsEntry) await parsePart(zip, stringsEntry, strings);

  return { zip, sheets, date1904: workbook.date1904, dateStyles: styles.dateStyles(), strings };
}

/** Streams one XML part of the zip through `handler`. */
async function parsePart(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  try {
    for await (const text of xmlText(entryChunks(zip, entry))) tokenizer.push(text);
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlError) throw new XlsxError(`${entry.name}: ${error.message}`);
    throw error;
  }
}

// A zip entry by part name; names in a zip should match exactly, but OPC part names do not
// care about case.
function entryOf(zip: ZipArchive, name: string): ZipEntry | undefined {
  const exact = zip.entries.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [key, entry] of zip.entries) if (key.toLowerCase() === lower) return entry;
  return undefined;
}

class WorkbookHandler implements XmlHandler {
  date1904 = false;
  readonly sheets: { name: string; rel: string | undefined }[] = [];

  open(name: string, attributes: XmlAttributes): void {
    if (name === 'workbookPr') {
      // exceljs took only "1"; "true" is the same boolean in XML Schema (LibreOffice writes it).
      this.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    } else if (name === 'sheet') {
      // exceljs names a sheet without a name after its id.
      this.sheets.push({ name: attributes.name ?? `sheet${attributes.sheetId ?? ''}`, rel: attributes.id });
    }
  }

  close(): void {}
  text(): void {}
}

/** xl/_rels/workbook.xml.rels: the workbook's parts by relationship id, as zip entry names. */
class RelationshipsHandler implements XmlHandler {
  readonly byId = new Map<string, { type: string; target: string }>();

  open(name: string, attributes: XmlAttributes): void {
    if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Target) return;
    this.byId.set(attributes.Id, { type: attributes.Type ?? '', target: partName(attributes.Target) });
  }

  close(): void {}
  text(): void {}

  /** The target of the first relationship whose type ends with `suffix`. */
  targetOf(suffix: string): string | undefined {
    for (const rel of this.byId.values()) if (rel.type.endsWith(suffix)) return rel.target;
    return undefined;
  }
}

// A target relative to the workbook (in xl/), or absolute from the package root.
function partName(target: string): string {
  let path = target.trim();
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded after all
  }
  const parts = path.startsWith('/') ? [] : ['xl'];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
