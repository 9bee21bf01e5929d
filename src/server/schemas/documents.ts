import { z } from 'zod';
import { checklistItemSchema } from '../../contracts/order-content.ts';
import { checklistFlagSchema } from '../../domain/catalogue/schema.ts';
import { localizedSchema } from './common.ts';

/**
 * Wire forms of uploaded documents and the verification form. A document's metadata is not personal
 * (kind, size, digest, dates); the name the file was uploaded with may be, and is only present for
 * callers who may read the file.
 */

export const documentIdParamsSchema = z.object({
  id: z.uuid().describe('The document id (a UUID), as the upload and the order’s list answer it.'),
});

export const documentSchema = z
  .object({
    id: z.string().describe('UUID.'),
    orderReference: z.string().optional().describe('OB-2026-000123; absent for a document on no order.'),
    kind: z.string().describe('Catalogue document kind (GET /api/catalogue/documents), e.g. id_card_scans.'),
    kindName: localizedSchema,
    mime: z
      .string()
      .describe(
        'image/jpeg, image/png or application/pdf: from the content, never from the uploaded name or Content-Type.',
      ),
    size: z.number().int().describe('Bytes of the stored file (images re-encoded without metadata).'),
    sha256: z.string().describe('Hex SHA-256 of the file a download returns.'),
    uploadedBy: z.string().describe('user:<id>.'),
    uploadedAt: z.string().describe('ISO 8601 instant (UTC).'),
    originalName: z
      .string()
      .optional()
      .describe('The name the file was uploaded with; only for callers who may download the file.'),
  })
  .meta({ id: 'Document', description: 'An uploaded document (scan, photo or signed form).' });

export const documentKindSchema = z
  .object({ id: z.string(), nameEn: z.string(), nameZh: z.string() })
  .meta({ id: 'DocumentKindRef', description: 'A catalogue document kind, by id and name.' });

export const orderDocumentsSchema = z
  .object({
    orderReference: z.string(),
    documents: z.array(documentSchema).describe('Oldest first.'),
    uploadableKinds: z
      .array(documentKindSchema)
      .describe('Every kind the order’s checklist can ask for; submission checks the exact checklist.'),
    canChange: z.boolean().describe('Whether you may upload and delete documents now.'),
    canRead: z.boolean().describe('Whether you may download the files.'),
  })
  .meta({ id: 'OrderDocuments' });

/** Documents the multipart body; the handler reads it as a stream (see routes/documents.ts). */
export const uploadDocumentBodySchema = z
  .object({
    kind: z.string().describe('Catalogue document kind, e.g. id_card_scans; before or after the file.'),
    file: z
      .string()
      .meta({ format: 'binary' })
      .describe('One JPEG, PNG or PDF, judged by its content; images are stored without EXIF and GPS.'),
  })
  .meta({ id: 'UploadDocumentRequest' });

const binarySchema = z.string().meta({ format: 'binary' });

/** A 200 answer carrying a file, for the OpenAPI document (the handler sends the bytes as they are). */
export function buildFileResponse(description: string, mimeTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mimeTypes.map((mime) => [mime, { schema: binarySchema }])),
  };
}

export const orderChecklistItemSchema = z
  .object({
    ...checklistItemSchema.shape,
    key: z
      .string()
      .describe('Unique in the checklist: the kind, and `:<personRef>` for a personal document.'),
    personRef: z
      .string()
      .optional()
      .describe(
        'For a personal document (ID scans, passport, permit, photo): whose, `entity.leader` or `services[i].admin`.',
      ),
    people: z
      .array(z.string())
      .describe('The people the document is about (a letter of authorisation names those it authorises).'),
    services: z.array(z.number().int()).describe('Indexes of the services the document is about.'),
    documentIds: z
      .array(z.string())
      .describe('The stored documents that fulfil the item (GET /api/documents/:id), oldest first.'),
    isPresent: z.boolean().describe('True when at least one stored document fulfils the item.'),
  })
  .meta({
    id: 'OrderDocumentChecklistItem',
    description: 'A document the order needs, whom it concerns, and whether it was uploaded.',
  });

export const orderChecklistSchema = z
  .object({
    orderReference: z.string(),
    contentSource: z
      .enum(['draft', 'submitted'])
      .describe('The draft for the applicant side, the last submitted version for reviewers.'),
    version: z.number().int().describe('The version of the content the checklist was built from.'),
    flags: z
      .array(checklistFlagSchema)
      .describe('The situation the content shows (foreign person, admin not the legal representative …).'),
    items: z.array(orderChecklistItemSchema).describe('In the catalogue’s document order.'),
    missingRequired: z.number().int().describe('Required items no stored document fulfils.'),
  })
  .meta({ id: 'OrderDocumentChecklist' });
