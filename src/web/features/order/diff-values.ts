/**
 * A value of the versions diff in words, not codes: catalogue ids become names (nature, certificate
 * type, province, content category, pre-approval), "long_term" the word for it, languages and service
 * types their names, an attachment its document kind and file name, and a whole added service or
 * person a one-line summary. Pure (the page passes its name look-ups), so it is tested without a
 * browser.
 */

export interface DiffValueContext {
  /** The page's translator, able to read other namespaces ("order-wizard:languages.en"). */
  t: (key: string, options?: Record<string, unknown>) => string;
  /** Catalogue names; undefined (or the id itself) when the catalogue does not know the id. */
  names: {
    nature(id?: string): string | undefined;
    certificateType(id?: string): string | undefined;
    province(code?: string): string | undefined;
    contentCategory(id?: string): string | undefined;
    preApproval(id?: string): string | undefined;
    documentKind(id?: string): string | undefined;
  };
  /** An uploaded document of the order, when the viewer's list has it. */
  findDocument(id: string): { kind?: string; originalName?: string } | undefined;
  /** ", " in English, "、" in Chinese. */
  listSeparator: string;
}

type Segment = string | number;

/** `services[0].admin.name` → ['services', 0, 'admin', 'name']. */
export function parseDiffPath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const PERSON_KEYS = new Set(['leader', 'admin']);

/** The one-line summary of a whole object the diff reports added or removed at once. */
function summarise(segments: Segment[], value: Record<string, unknown>, ctx: DiffValueContext): string {
  const last = segments.at(-1);
  const owner = typeof last === 'number' ? segments.at(-2) : last;
  const join = (parts: (string | undefined)[]) =>
    parts.filter((p) => p !== undefined && p !== '').join(' · ');
  if (owner === 'attachments') {
    const documentId = text(value.documentId);
    const document = documentId === undefined ? undefined : ctx.findDocument(documentId);
    return join([
      ctx.names.documentKind(text(value.kind) ?? document?.kind),
      document?.originalName ?? (document ? undefined : documentId),
    ]);
  }
  if (owner === 'services') {
    return join([
      typeof value.type === 'string' ? ctx.t(`order-wizard:serviceTypes.${value.type}`) : undefined,
      text(value.name),
      text(value.domain),
    ]);
  }
  if (owner === 'preApprovals') {
    return join([ctx.names.preApproval(text(value.id)), text(value.approvalNumber)]);
  }
  if (typeof owner === 'string' && PERSON_KEYS.has(owner)) {
    return join([text(value.name), ctx.names.certificateType(text(value.certificateType))]);
  }
  if (owner === 'entity') {
    return join([text(value.name), ctx.names.nature(text(value.nature))]);
  }
  if (owner === 'access') {
    const ips = Array.isArray(value.ipAddresses)
      ? value.ipAddresses.filter((ip) => typeof ip === 'string')
      : [];
    return join([ips.join(ctx.listSeparator), text(value.region)]);
  }
  // Anything else: each filled field by its label.
  return Object.entries(value)
    .filter(([, v]) => !isEmpty(v))
    .map(
      ([key, v]) =>
        `${ctx.t(`fields.${key}`, { defaultValue: key })}: ${formatDiffValue([...segments, key], v, ctx)}`,
    )
    .join('; ');
}

/** A single value (not an object), named by the field it sits in. */
function formatLeaf(key: Segment | undefined, value: unknown, ctx: DiffValueContext): string {
  if (typeof value === 'boolean') return ctx.t(value ? 'content.yes' : 'content.no');
  if (typeof value !== 'string') return String(value);
  const named = (name: string | undefined) => name ?? value;
  switch (key) {
    case 'nature':
      return named(ctx.names.nature(value));
    case 'certificateType':
      return named(ctx.names.certificateType(value));
    case 'provinceCode':
      return named(ctx.names.province(value));
    case 'contentCategory':
      return named(ctx.names.contentCategory(value));
    case 'certificateValidUntil':
      return value === 'long_term' ? ctx.t('content.longTerm') : value;
    case 'languages':
      return ctx.t(`order-wizard:languages.${value}`, { defaultValue: value });
    case 'platforms':
      return ctx.t(`order-wizard:platforms.${value}`, { defaultValue: value });
    case 'type':
      return ctx.t(`order-wizard:serviceTypes.${value}`, { defaultValue: value });
    case 'activities':
      return ctx.t(`eligibility:site.activityNames.${value}`, { defaultValue: value });
    case 'kind':
      return named(ctx.names.documentKind(value));
    case 'documentId': {
      const document = ctx.findDocument(value);
      if (!document) return value;
      return [ctx.names.documentKind(document.kind), document.originalName].filter(Boolean).join(' · ');
    }
    default:
      return value;
  }
}

/**
 * The value at `path` (a diff path or its parsed segments) in words; `diff.empty` for nothing. The
 * field a value belongs to is the last named segment, so `services[0].languages[1]` reads as a language.
 */
export function formatDiffValue(path: string | Segment[], value: unknown, ctx: DiffValueContext): string {
  const segments = typeof path === 'string' ? parseDiffPath(path) : path;
  if (isEmpty(value)) return ctx.t('diff.empty');
  const key = [...segments].reverse().find((s) => typeof s === 'string');
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isEmpty(v));
    if (items.length === 0) return ctx.t('diff.empty');
    return items
      .map((item, index) =>
        isRecord(item) ? summarise([...segments, index], item, ctx) : formatLeaf(key, item, ctx),
      )
      .join(ctx.listSeparator);
  }
  if (isRecord(value)) return summarise(segments, value, ctx) || ctx.t('diff.empty');
  return formatLeaf(key, value, ctx);
}
