/**
 * One row of the member list, written into a pooled `<li>` by hand rather than rendered by React:
 * a keystroke changes which member each row on screen shows, and setting a few text nodes and
 * attributes in place costs far less than React reconciling every row's elements (the row pool is
 * VirtualList's; docs/performance.md §2, session 4).
 *
 * The row: a real link (works without JS, long-press, open in new tab; a plain click is handled once
 * on the list), one block of inline text — the number, the name in bold, the status tag, and the
 * savings line as one text node with its label shown. Inline pieces would run together in the
 * accessible name ("A-0001Siti"), so the link names itself with the same words, spaced.
 */
import { formatRupiah } from '../../domain/money-format.ts';
import type { MemberStatus } from '../../domain/ledger/index.ts';
import type { MemberListing } from './member-directory.ts';

/** The row's words in the language on screen. */
export type RowWords = { readonly status: Readonly<Record<MemberStatus, string>>; readonly savings: string };

/** The nodes of a row whose text changes from one member to the next. */
type RowNodes = { readonly link: HTMLAnchorElement; readonly number: Text; readonly name: Text; readonly status: HTMLSpanElement; readonly statusText: Text; readonly savings: Text };

const rows = new WeakMap<HTMLLIElement, RowNodes>();

function boxed(tag: 'b' | 'span', className: string, text: Text): HTMLElement {
  const box = text.ownerDocument.createElement(tag);
  box.className = className;
  box.append(text);
  return box;
}

/** The row's nodes, made the first time the `<li>` shows a member. */
function nodesOf(row: HTMLLIElement): RowNodes {
  const known = rows.get(row);
  if (known !== undefined) return known;
  const doc = row.ownerDocument;
  const link = doc.createElement('a');
  link.className = 'member-list__row';
  const nodes: RowNodes = { link, number: doc.createTextNode(''), name: doc.createTextNode(''), status: doc.createElement('span'), statusText: doc.createTextNode(''), savings: doc.createTextNode('') };
  nodes.status.append(nodes.statusText);
  link.append(nodes.number, boxed('b', 'member-list__name', nodes.name), nodes.status, boxed('span', 'member-list__savings', nodes.savings));
  row.replaceChildren(link);
  rows.set(row, nodes);
  return nodes;
}

// Only what differs is written: an unchanged text set again would still be laid out again.
function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Writes `member` into `row` (VirtualList's `writeItem`). */
export function memberRowWriter(words: RowWords): (row: HTMLLIElement, member: MemberListing) => void {
  return (row, member) => {
    const nodes = nodesOf(row);
    const status = words.status[member.status];
    const savings = `${words.savings}: ${formatRupiah(member.savings)}`;
    setAttribute(nodes.link, 'href', `/anggota/${member.memberId}`);
    setAttribute(nodes.link, 'aria-label', `${member.number} ${member.name}, ${status}, ${savings}`);
    setText(nodes.number, member.number);
    setText(nodes.name, member.name);
    setText(nodes.statusText, status);
    setText(nodes.savings, savings);
    const tag = member.status === 'active' ? 'status-tag' : 'status-tag status-tag--left';
    if (nodes.status.className !== tag) nodes.status.className = tag;
  };
}
