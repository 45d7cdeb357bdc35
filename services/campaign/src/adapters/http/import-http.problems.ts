import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@vax/platform';
import { MappingRejected } from '../../domain/legacy-row/column-mapping';
import { UnreadableList, UploadAborted, UploadTooLarge } from '../../import/upload-errors';

export const unsupportedMediaType = (allowed: readonly string[]) =>
  new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported-media-type',
    'Unsupported media type',
    `content-type must be one of: ${allowed.join(', ')}`,
  );

export const uploadTooLarge = (maxBytes: number) =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'payload-too-large',
    'Payload too large',
    `the file must be at most ${maxBytes} bytes`,
  );

/** An import's failure as the client should hear it; anything else stays a server error. */
export function importProblem(error: unknown): unknown {
  if (error instanceof MappingRejected)
    return new ProblemException(
      HttpStatus.BAD_REQUEST,
      'mapping-rejected',
      'The column mapping or header row cannot be used',
      error.message,
      error.problems,
    );
  if (error instanceof UploadTooLarge) return uploadTooLarge(error.maxBytes);
  if (error instanceof UnreadableList)
    return new ProblemException(HttpStatus.BAD_REQUEST, 'unreadable-file', 'The file cannot be read', error.message, [
      { field: 'file', rule: error.format, message: error.message },
    ]);
  if (error instanceof UploadAborted)
    return new ProblemException(HttpStatus.BAD_REQUEST, 'upload-interrupted', 'Upload interrupted', error.message);
  return error;
}
