/**
 * Evidence files over HTTP, for tasks and appeals alike: an upload's body is the file and
 * `?name=` its name; a download is bytes to save, whatever type the uploader claimed.
 *
 * @example
 *   await tasks.attach(who, scope, id, uploadedEvidence(request), today());
 *   return sendEvidence(reply, await tasks.evidence(scope, id, evidenceId));
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import { AppError } from '../../shared/errors.ts';
import { cleanFileName } from '#core/text/names.ts';

/** An uploaded evidence file as the services take it. */
export interface EvidenceUpload {
  name: string;
  bytes: Buffer;
  content_type: string;
}

/** The file a request uploads; its media type without parameters (`text/plain; charset=utf-8` is text/plain). */
export function uploadedEvidence(request: FastifyRequest & { query: { name: string } }): EvidenceUpload {
  const bytes = request.body;
  if (!Buffer.isBuffer(bytes)) throw new AppError('body_not_file', {});
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return { name: request.query.name, bytes, content_type: mediaType || 'application/octet-stream' };
}

/** Sends a stored file as bytes to save under its cleaned name. */
export function sendEvidence(reply: FastifyReply, file: { file_name: string; bytes: Buffer }): FastifyReply {
  return (
    reply
      // Whatever type the uploader claimed (application/javascript, text/html), it comes back as bytes to save.
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', contentDisposition(cleanFileName(file.file_name, 'evidence')))
      // An uploaded file is never run as a page of this site, whatever type it claims.
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .send(file.bytes)
  );
}
