import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/**
 * Reads a page the way a visitor sees it: the visible text in document order (script, style and
 * template content ignored), and where in the page each piece of text sits. Pure: the HTML is a
 * parameter, nothing is fetched.
 */

export type NumberMarker = 'icp_filing' | 'icp_licence' | 'telecom_licence' | 'psb_filing';

export interface NumberOccurrence {
  marker: NumberMarker;
  /** The matched text (NFKC), as printed. */
  text: string;
  /** Offset of the match in the page's visible text, 0 … 1 (1 = the very end). */
  position: number;
  /** Characters of visible text after the match. */
  charactersAfter: number;
  /** Inside <footer>, role=contentinfo, or an element whose id/class says footer, copyright, beian … */
  isInFooterElement: boolean;
  /** The innermost <a> holding the whole match, if any. */
  anchor?: { href?: string; html: string };
  /** A short piece of HTML around the match, for people to see what was read. */
  evidence: string;
}

export interface LinkOccurrence {
  href: string;
  html: string;
}

export interface ScannedPage {
  occurrences: NumberOccurrence[];
  /** Every link on the page, in document order. */
  links: LinkOccurrence[];
  textLength: number;
}

/** Text inside these elements is never shown as page text (or is not page text at all). */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg']);

/** Elements that start a new line: text on either side is not one number. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

const FOOTER_HINT = /(?:^|[-_\s])(?:foot|footer|bottom|copyright|copy|beian|icp|record)(?:$|[-_\s\d])/iu;
const MAX_EVIDENCE = 400;

/**
 * What each number looks like in page text after NFKC; the codecs judge the match afterwards.
 * Spaces (not line breaks) are tolerated inside numbers, as real footers carry them.
 */
const PATTERNS: readonly { marker: NumberMarker; pattern: RegExp }[] = [
  {
    marker: 'psb_filing',
    pattern: /\p{Script=Han}?[ \t]*公网安备[ \t]*[0-9][0-9 \t]*(?:号)?/gu,
  },
  {
    marker: 'icp_filing',
    pattern:
      /\p{Script=Han}?[ \t]*ICP[ \t]*备[ \t]*[0-9][0-9 \t]*(?:号)?(?:[ \t]*-[ \t]*[0-9]{1,6}[AXK]?(?![0-9A-Z]))?/giu,
  },
  {
    marker: 'icp_licence',
    pattern:
      /\p{Script=Han}?[ \t]*ICP[ \t]*证[ \t]*[0-9][0-9 \t]*(?:号)?(?:[ \t]*-[ \t]*[0-9]{1,6}(?![0-9]))?/giu,
  },
  {
    marker: 'telecom_licence',
    pattern:
      /(?:\p{Script=Han}[ \t]*)?(?<![A-Za-z0-9])[AB][12](?:\.[AB][12])*[ \t]*-[ \t]*[0-9]{8}(?:-[0-9]{1,6})?(?![0-9])/gu,
  },
];

interface TextSpan {
  start: number;
  end: number;
  node: AnyNode;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function collectText(root: AnyNode): { text: string; spans: TextSpan[]; links: Element[] } {
  const parts: string[] = [];
  const spans: TextSpan[] = [];
  const links: Element[] = [];
  let length = 0;
  const push = (text: string, node?: AnyNode) => {
    if (text === '') return;
    if (node) spans.push({ start: length, end: length + text.length, node });
    parts.push(text);
    length += text.length;
  };
  // Iterative walk: deeply nested pages must not overflow the stack.
  const stack: { node: AnyNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: AnyNode; leaving: boolean };
    if (node.type === 'text') {
      push(node.data.normalize('NFKC'), node);
      continue;
    }
    const isTag = isElement(node);
    if (isTag && HIDDEN_ELEMENTS.has(node.name.toLowerCase())) continue;
    const isBlock = isTag && BLOCK_ELEMENTS.has(node.name.toLowerCase());
    if (leaving) {
      if (isBlock) push('\n');
      continue;
    }
    if (isBlock) push('\n');
    if (isTag && node.name.toLowerCase() === 'a') links.push(node);
    if ('children' in node) {
      stack.push({ node, leaving: true });
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) stack.push({ node: child, leaving: false });
      }
    }
  }
  return { text: parts.join(''), spans, links };
}

function listAncestors(node: AnyNode): Element[] {
  const out: Element[] = [];
  let current = node.parent as AnyNode | null;
  while (current) {
    if (isElement(current)) out.push(current);
    current = current.parent as AnyNode | null;
  }
  return out;
}

/** The innermost element containing every node (the nodes' common ancestor). */
function findCommonElement(nodes: readonly AnyNode[]): Element | undefined {
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  const others = rest.map((node) => new Set<AnyNode>(listAncestors(node)));
  return listAncestors(first).find((candidate) => others.every((set) => set.has(candidate)));
}

function isFooterElement(element: Element): boolean {
  if (element.name.toLowerCase() === 'footer') return true;
  const attribs = element.attribs;
  if (attribs.role?.toLowerCase() === 'contentinfo') return true;
  return FOOTER_HINT.test(attribs.id ?? '') || FOOTER_HINT.test(attribs.class ?? '');
}

function truncate(text: string): string {
  const compact = text.replace(/\s+/gu, ' ').trim();
  return compact.length <= MAX_EVIDENCE ? compact : `${compact.slice(0, MAX_EVIDENCE - 1)}…`;
}

/** Spans overlapping [start, end): the spans are sorted and disjoint, so a binary search finds the first. */
function findSpans(spans: readonly TextSpan[], start: number, end: number): TextSpan[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid]?.end ?? 0) <= start) low = mid + 1;
    else high = mid;
  }
  const out: TextSpan[] = [];
  for (let i = low; i < spans.length; i += 1) {
    const span = spans[i];
    if (!span || span.start >= end) break;
    out.push(span);
  }
  return out;
}

/** Parses the page and finds every number-like text, with its link and place on the page. */
export function scanPage(html: string): ScannedPage {
  const $ = load(html);
  const root = $.root()[0] as AnyNode;
  const { text, spans, links } = collectText(root);
  const outerHtml = (node: AnyNode) => $.html(node);
  const occurrences: NumberOccurrence[] = [];
  for (const { marker, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const matched = match[0].trim();
      const start = (match.index ?? 0) + (match[0].length - match[0].trimStart().length);
      const end = start + matched.length;
      const nodes = findSpans(spans, start, end).map((span) => span.node);
      const container = findCommonElement(nodes);
      const chain = container ? [container, ...listAncestors(container)] : [];
      const anchorElement = chain.find((element) => element.name.toLowerCase() === 'a');
      const evidenceSource =
        anchorElement ?? (container && $(container).text().length <= MAX_EVIDENCE ? container : undefined);
      const occurrence: NumberOccurrence = {
        marker,
        text: matched,
        position: text.length === 0 ? 0 : start / text.length,
        charactersAfter: text.length - end,
        isInFooterElement: chain.some(isFooterElement),
        evidence: truncate(evidenceSource ? outerHtml(evidenceSource) : matched),
      };
      if (anchorElement) {
        const href = anchorElement.attribs.href;
        occurrence.anchor = {
          ...(href === undefined ? {} : { href }),
          html: truncate(outerHtml(anchorElement)),
        };
      }
      occurrences.push(occurrence);
    }
  }
  occurrences.sort((a, b) => a.position - b.position);
  return {
    occurrences,
    links: links
      .filter((link) => link.attribs.href !== undefined)
      .map((link) => ({ href: link.attribs.href ?? '', html: truncate(outerHtml(link)) })),
    textLength: text.length,
  };
}
