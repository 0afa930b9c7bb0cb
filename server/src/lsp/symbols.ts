// The outline of a story: People (each with the quotations attributed to
// them), Organizations, and every Quotation (in a very long draft, only those
// no one is credited with: see quotationsListedTwiceUpTo).
//
// A person's or organization's range is its first mention, not the stretch
// from first to last: VS Code puts the breadcrumb and counts problems by
// range, so a wider range would name Brennan on unrelated lines and count
// their errors under him. Their quotations nest under them with their own
// ranges. The label keeps the name and the title apart: "Tom Brennan · Councilman".

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextCache } from '../analysis/cache';
import type { Entity } from '../analysis/entities';
import { nameWithTitle } from '../analysis/nameParts';
import type { Quotation } from '../analysis/quotes';
import { partitionPoint } from '../analysis/sorted';
import { toRange } from './positions';

const maxNameLength = 60;

/** The outline is asked for after every keystroke: each quotation's label is kept by its text. */
const quoteLabels = new TextCache<string>(20_000, 4_000_000);

function shortQuote(text: string): string {
  return quoteLabels.get(text, () => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= maxNameLength ? `“${flat}”` : `“${flat.slice(0, maxNameLength - 1).trimEnd()}…”`;
  });
}

interface Span {
  start: number;
  end: number;
}

function cover(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

function symbol(document: TextDocument, name: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol {
  const range = toRange(document, span.start, span.end);
  const selectionRange = selection === span ? range : toRange(document, selection.start, selection.end);
  const result: DocumentSymbol = { name: name || '…', kind, range, selectionRange };
  if (children) result.children = children;
  return result;
}

/**
 * The symbols of each draft's last outline, by name. Typing on one line leaves
 * every other line's positions as they were, so most symbols come back as the
 * same objects: nothing new to build, and the transport sends their JSON from
 * its cache (lsp/transport.ts). Each reuse is checked, in constant time per
 * range, against where its spans now are.
 */
const lastOutline = new WeakMap<TextDocument, Map<string, DocumentSymbol[]>>();

interface Reuse {
  document: TextDocument;
  previous: Map<string, DocumentSymbol[]> | undefined;
  next: Map<string, DocumentSymbol[]>;
}

function covers(document: TextDocument, range: DocumentSymbol['range'], span: Span): boolean {
  return document.offsetAt(range.start) === span.start && document.offsetAt(range.end) === span.end;
}

/** The last outline's symbol with this name that `fits`, else a new one. */
function reused(reuse: Reuse, name: string, fits: (kept: DocumentSymbol) => boolean, make: () => DocumentSymbol): DocumentSymbol {
  const symbol = reuse.previous?.get(name)?.find(fits) ?? make();
  const named = reuse.next.get(name);
  if (named) named.push(symbol);
  else reuse.next.set(name, [symbol]);
  return symbol;
}

function quoteSymbol(reuse: Reuse, label: string, span: Span): DocumentSymbol {
  const { document } = reuse;
  return reused(
    reuse,
    label,
    (kept) => kept.kind === SymbolKind.String && covers(document, kept.range, span),
    () => symbol(document, label, SymbolKind.String, span, span),
  );
}

function entitySymbol(reuse: Reuse, entity: Entity): DocumentSymbol {
  const { document } = reuse;
  const first = entity.mentions[0];
  const quotes = entity.quotes.map((q) => quoteSymbol(reuse, shortQuote(q.text), q));
  const name = nameWithTitle(entity);
  const kind = entity.type === 'person' ? SymbolKind.Object : SymbolKind.Class;
  return reused(
    reuse,
    name,
    (kept) =>
      kept.kind === kind && covers(document, kept.range, first) && kept.children?.length === quotes.length && quotes.every((q, i) => kept.children![i] === q),
    () => symbol(document, name, kind, first, first, quotes),
  );
}

function group(document: TextDocument, name: string, kind: SymbolKind, children: DocumentSymbol[], spans: Span[]): DocumentSymbol[] {
  if (children.length === 0) return [];
  const span = cover(spans);
  return [symbol(document, name, kind, span, { start: span.start, end: span.start }, children)];
}

/**
 * Above this many quotations, each is listed once: under its speaker, or under
 * "Other quotations" when it has none. A 100,000-word draft has some 1,700;
 * listing each twice made the outline about 950 KB of JSON after every
 * keystroke, a quarter of it the second listing, and nobody reads a list that
 * long twice.
 */
export const quotationsListedTwiceUpTo = 500;

/** Whether an attributed quotation starts inside the quotation's content (starts sorted). */
function hasSpeaker(q: Quotation, attributedStarts: readonly number[]): boolean {
  const at = partitionPoint(attributedStarts.length, (i) => attributedStarts[i] < q.contentStart);
  return at < attributedStarts.length && attributedStarts[at] <= q.contentEnd;
}

export function documentSymbols(document: TextDocument, entities: readonly Entity[], quotations: readonly Quotation[]): DocumentSymbol[] {
  const reuse: Reuse = { document, previous: lastOutline.get(document), next: new Map() };
  lastOutline.set(document, reuse.next);
  const people = entities.filter((e) => e.type === 'person' && e.mentions.length > 0);
  const organizations = entities.filter((e) => e.type === 'organization' && e.mentions.length > 0);
  const text = document.getText();
  let outer = quotations.filter((q) => q.depth === 0);
  let quotationsGroup = 'Quotations';
  if (outer.length > quotationsListedTwiceUpTo) {
    const attributedStarts = [...people, ...organizations].flatMap((e) => e.quotes.map((q) => q.start)).sort((a, b) => a - b);
    outer = outer.filter((q) => !hasSpeaker(q, attributedStarts));
    quotationsGroup = 'Other quotations';
  }
  const quoteSpans = outer.map((q) => ({ start: q.open, end: q.close !== undefined ? q.close + 1 : q.contentEnd }));
  const quoteSymbols = outer.map((q, i) => quoteSymbol(reuse, shortQuote(text.slice(q.contentStart, q.contentEnd)), quoteSpans[i]));
  const spansOf = (list: Entity[]) => list.map((e) => e.mentions[0]);
  return [
    ...group(
      document,
      'People',
      SymbolKind.Namespace,
      people.map((e) => entitySymbol(reuse, e)),
      spansOf(people),
    ),
    ...group(
      document,
      'Organizations',
      SymbolKind.Namespace,
      organizations.map((e) => entitySymbol(reuse, e)),
      spansOf(organizations),
    ),
    ...group(document, quotationsGroup, SymbolKind.Namespace, quoteSymbols, quoteSpans),
  ];
}
