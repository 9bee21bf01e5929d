import type { Localized } from '../../domain/shared/localized.ts';

/**
 * The port through which the demo seed gets the files it uploads for its orders: an ID card, a
 * business licence, a verification photo, signed forms. Drawing them needs image and PDF libraries,
 * so the renderer lives in src/infra/demo/sample-documents.ts and server.ts passes it in.
 */

/** What a sample document shows. Every name and number arrives masked: the files are made up. */
export interface SampleDocumentRequest {
  /** The catalogue document kind (documents.json), e.g. "id_card_scans". */
  kind: string;
  /** The kind's catalogue names, the title of a document the renderer has no layout of its own for. */
  title: Localized;
  /** The person the document is about (on an ID card or photo) or signed by, masked: 王**. */
  personName: string;
  /** The person's certificate number, masked: 110***********1239. */
  personCertificate: string;
  /** The filing entity: a company's name, or an individual's masked name. */
  entityName: string;
  /** The entity's certificate number, masked. */
  entityCertificate: string;
  siteName: string;
  domain: string;
  /** The order's reference (OB-2026-000123), printed on forms. */
  orderReference: string;
  /** The China date (YYYY-MM-DD) the document is signed or taken on. */
  date: string;
}

export interface SampleDocument {
  /** PNG or PDF bytes, the same for the same request. */
  content: Buffer;
  /** The name the file is uploaded under, e.g. "id-card.png". */
  fileName: string;
}

/** src/infra/demo/sample-documents.ts renderSampleDocument. */
export type RenderSampleDocument = (request: SampleDocumentRequest) => Promise<SampleDocument>;
