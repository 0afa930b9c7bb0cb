// The one place where analysis offsets (UTF-16 string indices) become protocol
// positions and back. TextDocument counts in UTF-16 code units and treats
// \r\n, \r and \n as line breaks, exactly as VS Code does.

import type { Location, Range } from 'vscode-languageserver';
import { lineAndColumn, type DraftRecord } from '../analysis/workspace/index';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toOffsets(document: TextDocument, range: Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** A span of a draft known only from the workspace index (not open): placed by the record's line starts. */
export function indexedLocation(record: DraftRecord, start: number, end: number): Location {
  return { uri: record.uri, range: { start: lineAndColumn(record.lineStarts, start), end: lineAndColumn(record.lineStarts, end) } };
}
