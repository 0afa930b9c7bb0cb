// The one place where analysis offsets (UTF-16 string indices) become protocol
// positions and back. TextDocument counts in UTF-16 code units and treats
// \r\n, \r and \n as line breaks, exactly as VS Code does.

import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toOffsets(document: TextDocument, range: Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
