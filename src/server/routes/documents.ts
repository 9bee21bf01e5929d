import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteDocument } from '../../app/documents/delete-document.ts';
import { type DocumentDeps, getMaxUploadBytes } from '../../app/documents/document-deps.ts';
import { getOrderChecklist } from '../../app/documents/get-order-checklist.ts';
import { listOrderDocuments } from '../../app/documents/list-order-documents.ts';
import { readDocument } from '../../app/documents/read-document.ts';
import { renderOrderVerificationForm } from '../../app/documents/render-order-verification-form.ts';
import { uploadDocument } from '../../app/documents/upload-document.ts';
import { DomainError, isDomainError } from '../../app/errors.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import type { RouteDeps } from '../deps.ts';
import { defaultMessages, pickLanguage } from '../errors.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema, type FieldError } from '../schemas/common.ts';
import {
  buildFileResponse,
  documentIdParamsSchema,
  documentSchema,
  orderChecklistSchema,
  orderDocumentsSchema,
  uploadDocumentBodySchema,
} from '../schemas/documents.ts';
import { callUseCase, orderRefParamsSchema } from '../schemas/orders.ts';

/**
 * Documents over HTTP: multipart upload to an order, the order's list, download, deletion, and the
 * prefilled verification form. Downloads are attachments that are never cached and never sniffed.
 */

const protectedErrors = {
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  500: errorResponseSchema,
  503: errorResponseSchema,
};

/** Form fields other than the file: only `kind`, and short. */
const MAX_FIELDS = 4;
const MAX_FIELD_BYTES = 256;
const KIND = /^[a-z_]{1,64}$/u;

/**
 * The documents slice of an app built with it.
 * @throws DomainError service_unavailable (503) for an app built without (tests of other slices).
 */
async function getDocumentDeps(
  deps: Pick<RouteDeps, 'documents' | 'catalogueProvider'>,
): Promise<DocumentDeps> {
  if (!deps.documents) {
    throw new DomainError('service_unavailable', {
      en: 'Documents are not available on this server.',
      zh: '本服务器未启用材料功能。',
    });
  }
  // The checklist follows the catalogue in force (the admins' edits included).
  const { documents, catalogueProvider } = deps;
  return catalogueProvider
    ? { ...documents, orders: { ...documents.orders, catalogue: await catalogueProvider.getCatalogue() } }
    : documents;
}

interface UploadForm {
  kind: string;
  content: Buffer;
  fileName: string;
  isTruncated: boolean;
}

function fieldError(request: FastifyRequest, path: string, code: string, message: Localized): FieldError {
  return { in: 'body', path, code, message: message[pickLanguage(request.headers['accept-language'])] };
}

function invalidForm(errors: FieldError[]): DomainError {
  return new DomainError('validation_failed', defaultMessages.validation_failed, errors);
}

/** What the multipart parser throws (its own limits, a body that is not multipart, broken framing). */
function toFormError(request: FastifyRequest, error: unknown): DomainError {
  if (isDomainError(error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new DomainError('unsupported_media_type', {
      en: 'Send the document as multipart/form-data with the fields kind and file.',
      zh: '请以 multipart/form-data 格式提交材料，包含 kind 和 file 两个字段。',
    });
  }
  if (code === 'FST_FILES_LIMIT') {
    return invalidForm([
      fieldError(request, 'file', 'too_many_files', {
        en: 'Send one file per request.',
        zh: '每次请求只能上传一个文件。',
      }),
    ]);
  }
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return invalidForm([
      fieldError(request, '', 'too_many_fields', {
        en: 'Send only the fields kind and file.',
        zh: '只需提交 kind 和 file 两个字段。',
      }),
    ]);
  }
  return new DomainError('bad_request', {
    en: 'The multipart body is malformed.',
    zh: 'multipart 请求体格式不正确。',
  });
}

/**
 * Reads the form: the `kind` field and one file named `file`, at most `maxBytes` + 1 bytes of it. A
 * file cut off there is over the limit (the use case answers file_too_large) and the rest of it is
 * never buffered.
 */
async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadForm> {
  const options = {
    limits: { fileSize: maxBytes + 1, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: 6 },
    // The size check is ours: a cut-off file arrives with `truncated` set instead of as an error.
    throwFileSizeLimit: false,
  };
  let kind: string | undefined;
  let file: Omit<UploadForm, 'kind'> | undefined;
  const errors: FieldError[] = [];
  try {
    const parts: AsyncIterableIterator<Multipart> = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname !== 'file') {
          errors.push(
            fieldError(request, part.fieldname, 'unexpected_field', {
              en: 'Send the file in the field named file.',
              zh: '请在名为 file 的字段中上传文件。',
            }),
          );
          continue;
        }
        file = { content, fileName: part.filename, isTruncated: part.file.truncated };
      } else if (part.fieldname === 'kind' && typeof part.value === 'string') {
        kind = part.value.trim();
      } else {
        errors.push(
          fieldError(request, part.fieldname, 'unexpected_field', {
            en: 'Send only the fields kind and file.',
            zh: '只需提交 kind 和 file 两个字段。',
          }),
        );
      }
    }
  } catch (error) {
    throw toFormError(request, error);
  }
  if (kind === undefined || !KIND.test(kind)) {
    errors.push(
      fieldError(request, 'kind', kind === undefined ? 'required' : 'invalid_string', {
        en: 'Give the document kind, e.g. id_card_scans (GET /api/catalogue/documents).',
        zh: '请填写材料类型，例如 id_card_scans（见 GET /api/catalogue/documents）。',
      }),
    );
  }
  if (!file) {
    errors.push(fieldError(request, 'file', 'required', { en: 'Attach the file.', zh: '请附上文件。' }));
  }
  if (errors.length > 0 || kind === undefined || !file) throw invalidForm(errors);
  return { kind, ...file };
}

/**
 * The upload's body schema documents the form; the handler reads the multipart stream itself. The
 * other parts of the request are zod schemas like everywhere else.
 */
function skipBodyValidation<T>(route: Parameters<FastifySchemaCompiler<T>>[0]) {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as Parameters<FastifySchemaCompiler<z.ZodType>>[0]);
}

/** A file answer: downloaded, never cached on the way, never reinterpreted by the browser. */
function sendFile(reply: FastifyReply, content: Buffer, mime: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(content);
}

export function registerDocumentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  routes.post(
    '/api/orders/:ref/documents',
    {
      preValidation: signedIn,
      validatorCompiler: skipBodyValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Upload a document to an order',
        description:
          'multipart/form-data with `kind` (a catalogue document kind the order’s checklist can ask for) and one `file`: JPEG, PNG or PDF, judged by its content (a renamed text file is 415), at most 10 MB by default (413). Images are re-encoded without EXIF, GPS and other metadata; PDFs must not be encrypted or carry active content (400). The file is stored encrypted. The owner, their agency and their client may upload while the order is a draft or returned (409 otherwise); others who see the order get 403.',
        consumes: ['multipart/form-data'],
        params: orderRefParamsSchema,
        body: uploadDocumentBodySchema,
        response: {
          201: documentSchema,
          400: errorResponseSchema,
          409: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const documents = await getDocumentDeps(deps);
      const form = await readUploadForm(request, getMaxUploadBytes(documents));
      const uploaded = await callUseCase(request, () =>
        uploadDocument(documents, {
          actor,
          order: request.params.ref,
          kind: form.kind,
          content: form.content,
          isTruncated: form.isTruncated,
          originalName: form.fileName,
        }),
      );
      return reply.status(201).send(uploaded);
    },
  );

  routes.get(
    '/api/orders/:ref/documents',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The documents of an order',
        description:
          'For everyone who may view the order; the uploaded file names only for those who may download the files (the applicant side and the order’s reviewers).',
        params: orderRefParamsSchema,
        response: { 200: orderDocumentsSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) =>
      listOrderDocuments(await getDocumentDeps(deps), {
        actor: requireActor(request),
        order: request.params.ref,
      }),
  );

  routes.get(
    '/api/orders/:ref/checklist',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The documents checklist of an order',
        description:
          'The catalogue’s document rules for what the order’s content shows (nature, province, order type and the situation: foreign or Hong Kong, Macao or Taiwan people, under 18, a leader or admin who is not the legal representative, non-local people, pre-approvals …), the same rules submission checks. Personal documents (ID scans, passport, permits, residence permit, verification photo) are listed per person; each item says whether a stored document fulfils it and which, and names the rules and sources that ask for it. Built from the draft for the applicant side and from the submitted version for the order’s reviewers; 403 for others who see the order (provider and platform administrators), 404 for everyone else.',
        params: orderRefParamsSchema,
        response: { 200: orderChecklistSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) =>
      getOrderChecklist(await getDocumentDeps(deps), {
        actor: requireActor(request),
        order: request.params.ref,
      }),
  );

  routes.get(
    '/api/documents/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Download a document',
        description:
          'The decrypted file as an attachment (`Cache-Control: no-store`, `X-Content-Type-Options: nosniff`). For the order’s owner, their agency and client, and the order’s reviewers; 404 for everyone else. Every download is recorded in the audit log.',
        params: documentIdParamsSchema,
        response: {
          200: buildFileResponse('The file.', ['image/jpeg', 'image/png', 'application/pdf']),
          400: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const read = await readDocument(await getDocumentDeps(deps), {
        actor: requireActor(request),
        documentId: request.params.id,
      });
      return sendFile(reply, read.content, read.document.mime, read.fileName);
    },
  );

  routes.delete(
    '/api/documents/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Delete a document',
        description:
          'While the order is a draft or returned (409 otherwise), by its owner, their agency or client (403 for reviewers). The encrypted file is removed; the audit log keeps that it existed.',
        params: documentIdParamsSchema,
        response: {
          204: z.null().describe('Deleted.'),
          400: errorResponseSchema,
          409: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      await deleteDocument(await getDocumentDeps(deps), {
        actor: requireActor(request),
        documentId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/orders/:ref/verification-form.pdf',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The prefilled verification form (PDF)',
        description:
          'The 网站备案信息真实性核验单 of the order, bilingual, with an embedded Chinese font: print it, have it checked against the originals, sign it and upload it as `verification_form`. Filled with the content you see (the draft for the applicant side, the submitted version for reviewers, masked where you see the order masked). Every rendering is recorded in the audit log.',
        params: orderRefParamsSchema,
        response: {
          200: buildFileResponse('The form.', ['application/pdf']),
          400: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const form = await renderOrderVerificationForm(await getDocumentDeps(deps), {
        actor: requireActor(request),
        order: request.params.ref,
      });
      return sendFile(reply, form.content, 'application/pdf', form.fileName);
    },
  );
}
