/** An upload went over the size allowed: the rows read so far stay committed, the import stays unfinished. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file must be at most ${maxBytes} bytes`);
    this.name = 'UploadTooLarge';
  }
}

/** The client went away before the whole file arrived. */
export class UploadAborted extends Error {
  constructor() {
    super('the upload was interrupted');
    this.name = 'UploadAborted';
  }
}

/** The bytes are not a list the readers understand (a damaged workbook, a CSV with a broken quote). */
export class UnreadableList extends Error {
  constructor(
    readonly format: string,
    cause: unknown,
  ) {
    super(`the file cannot be read as ${format}: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'UnreadableList';
  }
}
