import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/app/errors.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { buildIndividualOrderContent } from '../../src/domain/order-content/fixtures.ts';
import { makeJpegWithGps, makePdf, makePngWithGps } from '../documents/fixtures.ts';
import { extractText } from '../documents/pdf-reading.ts';
import type { ErrorBody, FieldErrorBody } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildDocumentsTestApp,
  buildMultipart,
  createDraftOrder,
  createSignedInUser,
  type DocumentsTestApp,
  TEST_MAX_UPLOAD_BYTES,
  type TestUser,
  upload,
} from './documents-test-kit.ts';

const content = buildIndividualOrderContent();
const ownerName = content.entity?.name ?? '';
const certificateNumber = content.entity?.certificateNumber ?? '';
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function readError(response: { json(): unknown }): ErrorBody['error'] {
  return (response.json() as ErrorBody).error;
}

describeEachDatabase('documents over HTTP', (database) => {
  let test: DocumentsTestApp;
  let owner: TestUser;
  let otherApplicant: TestUser;
  let reviewer: TestUser;
  let order: { id: number; reference: string };
  let photoId: string;

  beforeAll(async () => {
    test = await buildDocumentsTestApp(database.db, database.options.dataDir);
    owner = await createSignedInUser(test, 'applicant');
    otherApplicant = await createSignedInUser(test, 'applicant');
    reviewer = await createSignedInUser(test, 'provider_reviewer', test.provider.id);
    order = await createDraftOrder(test, owner.actor, content);
  }, 120_000);
  afterAll(() => test?.app.close());

  const get = (url: string, cookie?: string) =>
    test.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const remove = (url: string, cookie?: string) =>
    test.app.inject({ method: 'DELETE', url, headers: cookie ? { cookie } : {} });

  async function readAuditEvents(action: string, subjectId: string) {
    return database.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .where('subject_id', '=', subjectId)
      .execute();
  }

  describe('upload and download', () => {
    it('stores a JPEG with a GPS position encrypted and hands back the stripped image, audited', async () => {
      const jpeg = await makeJpegWithGps();
      const uploaded = await upload(test, order.reference, {
        cookie: owner.cookie,
        kind: 'id_card_scans',
        file: { content: jpeg, name: `${ownerName}身份证.jpg`, type: 'image/jpeg' },
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const document = uploaded.json() as Record<string, unknown>;
      expect(document).toMatchObject({
        orderReference: order.reference,
        kind: 'id_card_scans',
        kindName: { en: 'Resident ID card (front and back)', zh: '居民身份证正反面' },
        mime: 'image/jpeg',
        originalName: `${ownerName}身份证.jpg`,
        uploadedBy: `user:${owner.actor.userId}`,
      });
      photoId = String(document.id);

      // On disk: an envelope, not a JPEG, and nothing of the image or its metadata in the clear.
      const row = await database.db.kysely
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', photoId)
        .executeTakeFirstOrThrow();
      expect(row.original_name).not.toContain(ownerName);
      const key = row.storage_key;
      const raw = await readFile(join(test.filesRoot, key.slice(0, 2), key.slice(2, 4), key));
      expect(raw.subarray(0, 3).equals(JPEG_MAGIC)).toBe(false);
      expect(raw.includes(Buffer.from('FixturePhoneCo'))).toBe(false);
      await expect(sharp(raw).metadata()).rejects.toThrow();

      const download = await get(`/api/documents/${photoId}`, owner.cookie);
      expect(download.statusCode, download.body).toBe(200);
      expect(download.headers['content-type']).toBe('image/jpeg');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="id_card_scans-${photoId.slice(0, 8)}.jpg"`,
      );
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['cache-control']).toBe('no-store');
      const image = download.rawPayload;
      expect(image.subarray(0, 3).equals(JPEG_MAGIC)).toBe(true);
      expect(sha256(image)).toBe(document.sha256);
      expect(image.length).toBe(document.size);
      expect(raw.includes(image.subarray(0, 64))).toBe(false);
      const metadata = await sharp(image).metadata();
      expect(metadata.exif).toBeUndefined();
      // Orientation 6 was applied to the pixels: 120×80 stands up as 80×120.
      expect([metadata.width, metadata.height]).toEqual([80, 120]);
      expect(image.includes(Buffer.from('FixturePhoneCo'))).toBe(false);

      const reads = await readAuditEvents('document.read', photoId);
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({ actor: `user:${owner.actor.userId}`, subject_type: 'document' });
      expect(reads[0]?.payload).not.toContain(ownerName);
      expect(await readAuditEvents('document.uploaded', photoId)).toHaveLength(1);
    });

    it('lists the order’s documents, with the uploaded name for the owner', async () => {
      const listed = await get(`/api/orders/${order.reference}/documents`, owner.cookie);
      expect(listed.statusCode, listed.body).toBe(200);
      const body = listed.json() as {
        documents: { id: string; originalName?: string }[];
        uploadableKinds: { id: string }[];
        canChange: boolean;
        canRead: boolean;
      };
      expect(body.documents.map((d) => d.id)).toEqual([photoId]);
      expect(body.documents[0]?.originalName).toBe(`${ownerName}身份证.jpg`);
      expect(body.uploadableKinds.map((kind) => kind.id)).toEqual(
        expect.arrayContaining(['id_card_scans', 'verification_form', 'verification_photo']),
      );
      expect(body.uploadableKinds.map((kind) => kind.id)).not.toContain('articles_of_association');
      expect(body).toMatchObject({ canChange: true, canRead: true });
    });

    it('answers a text file named .jpg with 415, whatever its declared type', async () => {
      const response = await upload(test, order.reference, {
        cookie: owner.cookie,
        kind: 'id_card_scans',
        file: { content: Buffer.from('just some text, not a photo\n'), name: 'scan.jpg', type: 'image/jpeg' },
      });
      expect(response.statusCode, response.body).toBe(415);
      expect(readError(response)).toMatchObject({ code: 'unsupported_file_type' });
    });

    it('answers a file over the limit with 413 without reading all of it', async () => {
      const response = await upload(test, order.reference, {
        cookie: owner.cookie,
        kind: 'id_card_scans',
        file: {
          content: Buffer.alloc(TEST_MAX_UPLOAD_BYTES + 4096, 0xff),
          name: 'big.jpg',
          type: 'image/jpeg',
        },
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(readError(response)).toMatchObject({
        code: 'file_too_large',
        details: { maxBytes: TEST_MAX_UPLOAD_BYTES },
      });
    });

    it('refuses encrypted and active PDFs and empty files with 400', async () => {
      const cases = [
        { content: makePdf({ trailerExtra: '/Encrypt 9 0 R' }), code: 'pdf_encrypted' },
        {
          content: makePdf({ catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }),
          code: 'pdf_active_content',
        },
        { content: Buffer.alloc(0), code: 'file_empty' },
      ];
      for (const { content: file, code } of cases) {
        const response = await upload(test, order.reference, {
          cookie: owner.cookie,
          kind: 'commitment_letter',
          file: { content: file, name: 'letter.pdf', type: 'application/pdf' },
        });
        expect(response.statusCode, `${code}: ${response.body}`).toBe(400);
        expect(readError(response).code).toBe(code);
      }
    });

    it('answers bad form input with 400 and the field', async () => {
      const png = await makePngWithGps();
      const file = { content: png, name: 'a.png', type: 'image/png' };
      const cases = [
        { options: { file }, path: 'kind', code: 'required' },
        { options: { kind: 'id_card_scans' }, path: 'file', code: 'required' },
        { options: { kind: 'ID CARD', file }, path: 'kind', code: 'invalid_string' },
        {
          options: { kind: 'articles_of_association', file },
          path: 'kind',
          code: 'document_kind_not_allowed',
        },
        {
          options: { kind: 'id_card_scans', file, fields: { note: 'x' } },
          path: 'note',
          code: 'unexpected_field',
        },
      ];
      for (const { options, path, code } of cases) {
        const response = await upload(test, order.reference, { cookie: owner.cookie, ...options });
        expect(response.statusCode, `${code}: ${response.body}`).toBe(400);
        const error = readError(response);
        expect(error.code).toBe('validation_failed');
        expect(error.details as FieldErrorBody[]).toContainEqual(
          expect.objectContaining({ in: 'body', path, code }),
        );
      }
      const json = await test.app.inject({
        method: 'POST',
        url: `/api/orders/${order.reference}/documents`,
        headers: { cookie: owner.cookie },
        payload: { kind: 'id_card_scans' },
      });
      expect(json.statusCode, json.body).toBe(415);

      const twoFiles = buildMultipart({
        kind: 'id_card_scans',
        file: { content: png, name: 'a.png', type: 'image/png' },
      });
      const second = Buffer.from(
        `Content-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
      );
      const boundary = twoFiles.contentType.split('boundary=')[1] ?? '';
      const closing = Buffer.from(`--${boundary}--\r\n`);
      const body = Buffer.concat([
        twoFiles.body.subarray(0, twoFiles.body.length - closing.length),
        Buffer.from(`--${boundary}\r\n`),
        second,
        png,
        Buffer.from('\r\n'),
        closing,
      ]);
      const doubled = await test.app.inject({
        method: 'POST',
        url: `/api/orders/${order.reference}/documents`,
        headers: { cookie: owner.cookie, 'content-type': twoFiles.contentType },
        payload: body,
      });
      expect(doubled.statusCode, doubled.body).toBe(400);
      expect(readError(doubled).details).toContainEqual(expect.objectContaining({ code: 'too_many_files' }));

      for (const broken of [
        { type: 'multipart/form-data', payload: Buffer.from('no boundary') },
        { type: twoFiles.contentType, payload: twoFiles.body.subarray(0, 200) },
      ]) {
        const response = await test.app.inject({
          method: 'POST',
          url: `/api/orders/${order.reference}/documents`,
          headers: { cookie: owner.cookie, 'content-type': broken.type },
          payload: broken.payload,
        });
        expect(response.statusCode, response.body).toBe(400);
      }
      expect((await get('/api/documents/not-a-uuid', owner.cookie)).statusCode).toBe(400);
      expect((await get('/api/orders/OB-20x6-1/documents', owner.cookie)).statusCode).toBe(400);
    });
  });

  describe('who may do what', () => {
    it('answers 401 on every route without a session', async () => {
      const { reference } = order;
      const responses = [
        await upload(test, reference, {
          kind: 'id_card_scans',
          file: { content: Buffer.from('x'), name: 'x', type: 'image/png' },
        }),
        await get(`/api/orders/${reference}/documents`),
        await get(`/api/documents/${photoId}`),
        await remove(`/api/documents/${photoId}`),
        await get(`/api/orders/${reference}/verification-form.pdf`),
      ];
      for (const response of responses) {
        expect(response.statusCode, response.body).toBe(401);
        expect(readError(response).code).toBe('unauthenticated');
      }
    });

    it('answers 404 to another applicant on every route, as for a missing order or document', async () => {
      const { reference } = order;
      const png = await makePngWithGps();
      const responses = [
        await upload(test, reference, {
          cookie: otherApplicant.cookie,
          kind: 'id_card_scans',
          file: { content: png, name: 'x.png', type: 'image/png' },
        }),
        await get(`/api/orders/${reference}/documents`, otherApplicant.cookie),
        await get(`/api/documents/${photoId}`, otherApplicant.cookie),
        await remove(`/api/documents/${photoId}`, otherApplicant.cookie),
        await get(`/api/orders/${reference}/verification-form.pdf`, otherApplicant.cookie),
        // The reviewer sees nothing of a draft: it is the applicant's private work until submitted.
        await get(`/api/documents/${photoId}`, reviewer.cookie),
      ];
      for (const response of responses) {
        expect(response.statusCode, response.body).toBe(404);
        expect(readError(response).code).toBe('not_found');
      }
      const missing = await get('/api/documents/00000000-0000-4000-8000-000000000000', owner.cookie);
      expect(missing.statusCode).toBe(404);
      const wrongYear = await get(
        `/api/orders/${reference.replace(/-\d{4}-/u, '-2019-')}/documents`,
        owner.cookie,
      );
      expect(wrongYear.statusCode).toBe(404);
      expect(await readAuditEvents('document.read', photoId)).toHaveLength(1);
    });
  });

  describe('the verification form', () => {
    it('downloads as a prefilled PDF for the owner, audited', async () => {
      const response = await get(`/api/orders/${order.reference}/verification-form.pdf`, owner.cookie);
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="verification-form-${order.reference}.pdf"`,
      );
      expect(response.headers['cache-control']).toBe('no-store');
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = extractText(pdf);
      for (const expected of [
        order.reference,
        ownerName,
        certificateNumber,
        '个人',
        '示例云',
        '106.14.10.20',
      ]) {
        expect(text).toContain(expected);
      }
      expect(await readAuditEvents('order.verification_form_read', String(order.id))).toHaveLength(1);
    });
  });

  describe('deletion and submission', () => {
    it('deletes a document: the file is gone from disk, the deletion audited', async () => {
      const png = await makePngWithGps();
      const uploaded = await upload(test, order.reference, {
        cookie: owner.cookie,
        kind: 'authorisation_letter',
        file: { content: png, name: 'plan.png', type: 'image/png' },
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const id = String((uploaded.json() as { id: string }).id);
      const row = await database.db.kysely
        .selectFrom('documents')
        .select('storage_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const path = join(
        test.filesRoot,
        row.storage_key.slice(0, 2),
        row.storage_key.slice(2, 4),
        row.storage_key,
      );
      expect(existsSync(path)).toBe(true);

      const deleted = await remove(`/api/documents/${id}`, owner.cookie);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(existsSync(path)).toBe(false);
      expect((await get(`/api/documents/${id}`, owner.cookie)).statusCode).toBe(404);
      expect((await remove(`/api/documents/${id}`, owner.cookie)).statusCode).toBe(404);
      expect(await readAuditEvents('document.deleted', id)).toHaveLength(1);
    });

    it('submission reports missing documents on attachments, and passes once they are uploaded', async () => {
      const failure = await submitOrder(test.orders, { actor: owner.actor, orderId: order.id }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isDomainError(failure), String(failure)).toBe(true);
      const details = failure as {
        code: string;
        details: { fieldErrors: { code: string; path: string; params?: { kind?: string } }[] };
      };
      expect(details.code).toBe('validation_failed');
      const missing = details.details.fieldErrors.filter((found) => found.code === 'document_missing');
      expect(missing.length).toBeGreaterThan(0);
      for (const found of missing) expect(found.path).toBe('attachments');
      const missingKinds = missing.map((found) => found.params?.kind ?? '');
      // The content's attachments name every kind; what counts are the uploads.
      expect(missingKinds).toEqual(expect.arrayContaining(['verification_form', 'verification_photo']));
      expect(missingKinds).not.toContain('id_card_scans');

      const png = await makePngWithGps();
      for (const kind of missingKinds) {
        const response = await upload(test, order.reference, {
          cookie: owner.cookie,
          kind,
          file: { content: png, name: `${kind}.png`, type: 'image/png' },
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      const submitted = await submitOrder(test.orders, { actor: owner.actor, orderId: order.id });
      expect(submitted.order.status).toBe('submitted');
    });

    it('after submission: the reviewer downloads and gets the form; nobody changes the documents', async () => {
      const download = await get(`/api/documents/${photoId}`, reviewer.cookie);
      expect(download.statusCode, download.body).toBe(200);
      const reads = await readAuditEvents('document.read', photoId);
      expect(reads.map((event) => event.actor)).toContain(`user:${reviewer.actor.userId}`);
      const form = await get(`/api/orders/${order.reference}/verification-form.pdf`, reviewer.cookie);
      expect(form.statusCode).toBe(200);

      const png = await makePngWithGps();
      const file = { content: png, name: 'late.png', type: 'image/png' };
      const late = await upload(test, order.reference, {
        cookie: owner.cookie,
        kind: 'authorisation_letter',
        file,
      });
      expect(late.statusCode, late.body).toBe(409);
      expect((await remove(`/api/documents/${photoId}`, owner.cookie)).statusCode).toBe(409);
      const byReviewer = await upload(test, order.reference, {
        cookie: reviewer.cookie,
        kind: 'authorisation_letter',
        file,
      });
      expect(byReviewer.statusCode, byReviewer.body).toBe(403);
      expect((await remove(`/api/documents/${photoId}`, reviewer.cookie)).statusCode).toBe(403);
      expect((await get(`/api/documents/${photoId}`, otherApplicant.cookie)).statusCode).toBe(404);
    });
  });
});
