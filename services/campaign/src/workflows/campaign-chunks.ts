/** One bulk request: a range of one import's rows (batch ids are stable, so a resend is recognised). */
export interface Chunk {
  campaignId: string;
  batchId: string;
  importId: string;
  firstRow: number;
  lastRow: number;
}

export interface ImportExtent {
  importId: string;
  /** The last row number of the file (the header is row 1). */
  lastRow: number;
}

/**
 * The campaign's chunks, computed rather than stored: chunk n of a campaign is always the same range,
 * and a national campaign's tens of thousands of chunks never travel as one payload.
 */
export class ChunkPlan {
  private readonly starts: number[] = [];
  readonly total: number;

  constructor(
    private readonly campaignId: string,
    private readonly imports: ImportExtent[],
    private readonly chunkSize: number,
  ) {
    let total = 0;
    for (const i of imports) {
      this.starts.push(total);
      total += Math.ceil(Math.max(0, i.lastRow - 1) / chunkSize);
    }
    this.total = total;
  }

  at(index: number): Chunk {
    let which = this.imports.length - 1;
    while (which > 0 && this.starts[which] > index) which--;
    const { importId, lastRow } = this.imports[which];
    const n = index - this.starts[which];
    const firstRow = 2 + n * this.chunkSize;
    return {
      campaignId: this.campaignId,
      batchId: `${this.campaignId}:${importId}:${n}`,
      importId,
      firstRow,
      lastRow: Math.min(lastRow, firstRow + this.chunkSize - 1),
    };
  }
}
