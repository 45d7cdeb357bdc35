import { HttpStatus } from '@nestjs/common';
import { ProblemException, type Refusal, refusalProblem } from '@vax/platform';
import { MappingRejected } from '../../domain/legacy-row/column-mapping';
import { UnreadableList, UploadAborted, UploadTooLarge } from '../files/upload-errors';

export const unsupportedMediaType = (allowed: readonly string[]) =>
  new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported-media-type',
    'Unsupported media type',
    `content-type must be one of: ${allowed.join(', ')}`,
  );

const tooLarge = (maxBytes: number): Refusal => ({
  status: HttpStatus.PAYLOAD_TOO_LARGE,
  slug: 'payload-too-large',
  title: 'Payload too large',
  detail: `the file must be at most ${maxBytes} bytes`,
});

export const uploadTooLarge = (maxBytes: number) => refusalProblem(tooLarge(maxBytes));

/** An import's failures as the client should hear them; anything else stays a server error. */
export function importRefusal(error: unknown): Refusal | undefined {
  if (error instanceof MappingRejected) {
    const title = 'The column mapping or header row cannot be used';
    return {
      status: HttpStatus.BAD_REQUEST,
      slug: 'mapping-rejected',
      title,
      detail: error.message,
      errors: error.problems,
    };
  }
  if (error instanceof UploadTooLarge) return tooLarge(error.maxBytes);
  if (error instanceof UnreadableList)
    return {
      status: HttpStatus.BAD_REQUEST,
      slug: 'unreadable-file',
      title: 'The file cannot be read',
      detail: error.message,
      errors: [{ field: 'file', rule: error.format, message: error.message }],
    };
  if (error instanceof UploadAborted)
    return {
      status: HttpStatus.BAD_REQUEST,
      slug: 'upload-interrupted',
      title: 'Upload interrupted',
      detail: error.message,
    };
  return undefined;
}
