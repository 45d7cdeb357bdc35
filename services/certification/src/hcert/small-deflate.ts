import { deflateSync } from 'node:zlib';

/**
 * zlib (RFC 1950) for the sub-KiB messages HCERT compresses, without Node's per-call stream and
 * zlib state set-up (~15 µs, more than half a signature, for a few hundred bytes of real work):
 * one final DEFLATE block (RFC 1951) — stored, fixed or dynamic Huffman, whichever is smallest,
 * as zlib itself picks — after a level-9-style LZ77 pass (hash chains, lazy matching). Tables are
 * allocated once and reused; nothing is cleared between calls (hash entries carry a generation).
 *
 * The header is 0x78 0xDA, what `deflateSync(…, { level: 9 })` writes: verifiers in the field
 * (PathCheck's SDK among them) take "starts with 0x78" to mean "compressed" (ADR 8). Inputs above
 * SMALL_LIMIT go to Node's zlib. The output is not byte-identical to zlib's, but any inflater reads
 * it (PathCheck's SDK reads our certificates in its spec), and it is no larger than zlib level 9's
 * for our certificates nor, all in all, for a corpus of generated inputs (small-deflate.spec.ts).
 */
export function zlibDeflate(data: Uint8Array): Buffer {
  if (data.length > SMALL_LIMIT) return deflateSync(data, { level: 9 });
  return compressSmall(data);
}

const SMALL_LIMIT = 16384;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Candidates tried per position: zlib level 9's chain. */
const MAX_CHAIN = 4096;
/** A 3-byte match further back than this costs more bits than three literals (zlib's TOO_FAR). */
const TOO_FAR = 4096;
const HASH_BITS = 10;
const HASH_MASK = (1 << HASH_BITS) - 1;
const END_OF_BLOCK = 256;
const LIT_CODES = 286;
const DIST_CODES = 30;
const CL_CODES = 19;
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Each byte with its bits in reverse order. */
const REVERSED_BYTE = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let bit = 0; bit < 8; bit++) r |= ((b >> bit) & 1) << (7 - bit);
  return r;
});

// --- RFC 1951 length and distance codes -------------------------------------------------------
const LEN_BASE = new Uint16Array(29);
const LEN_EXTRA = new Uint8Array(29);
/** Length code index (0…28, symbol 257 + index) of each match length 3…258, at [length − 3]. */
const LEN_CODE = new Uint8Array(MAX_MATCH - MIN_MATCH + 1);
const DIST_BASE = new Uint16Array(DIST_CODES);
const DIST_EXTRA = new Uint8Array(DIST_CODES);
/** Distance code of each distance 1…SMALL_LIMIT, at [distance]. */
const DIST_CODE = new Uint8Array(SMALL_LIMIT + 1);
{
  let base = 3;
  for (let code = 0; code < 28; code++) {
    LEN_EXTRA[code] = code < 8 ? 0 : (code >> 2) - 1;
    LEN_BASE[code] = base;
    for (let k = 0; k < 1 << LEN_EXTRA[code]; k++) LEN_CODE[base + k - MIN_MATCH] = code;
    base += 1 << LEN_EXTRA[code];
  }
  LEN_BASE[28] = MAX_MATCH; // 258 has a code of its own (285), never 284 with extra bits 31
  LEN_CODE[MAX_MATCH - MIN_MATCH] = 28;
  base = 1;
  for (let code = 0; code < DIST_CODES; code++) {
    DIST_EXTRA[code] = code < 4 ? 0 : (code >> 1) - 1;
    DIST_BASE[code] = base;
    for (let k = 0; k < 1 << DIST_EXTRA[code] && base + k <= SMALL_LIMIT; k++) DIST_CODE[base + k] = code;
    base += 1 << DIST_EXTRA[code];
  }
}

// --- reused state: one compression at a time (it is synchronous) ---------------------------------
/** Most recent position (+ generation) of each 3-byte hash; entries below `generation` are stale. */
const head = new Int32Array(1 << HASH_BITS);
/** Previous position (+ generation) with the same hash, per position of the current input. */
const prev = new Int32Array(SMALL_LIMIT);
let generation = 1;
/** The LZ77 output: per symbol, 0 and a literal byte, or a match length and its distance. */
const symLength = new Uint16Array(SMALL_LIMIT);
const symValue = new Uint16Array(SMALL_LIMIT);
const litFreq = new Uint32Array(LIT_CODES);
const distFreq = new Uint32Array(DIST_CODES);
const clFreq = new Uint32Array(CL_CODES);
const litLengths = new Uint8Array(LIT_CODES);
const distLengths = new Uint8Array(DIST_CODES);
const clLengths = new Uint8Array(CL_CODES);
const litCodes = new Uint16Array(LIT_CODES);
const distCodes = new Uint16Array(DIST_CODES);
const clCodes = new Uint16Array(CL_CODES);
/** Run-length coded code lengths: the symbol (0…18) and its repeat count's extra value. */
const rleSymbols = new Uint8Array(LIT_CODES + DIST_CODES);
const rleExtras = new Uint8Array(LIT_CODES + DIST_CODES);
// Scratch for building a Huffman code over at most LIT_CODES symbols.
const SORT_BUCKETS = 1024;
const bucketStarts = new Int32Array(SORT_BUCKETS + 1);
const sortKeys = new Int32Array(LIT_CODES);
const work = new Int32Array(LIT_CODES);
const workSymbols = new Uint16Array(LIT_CODES);
const lengthCounts = new Int32Array(LIT_CODES + 1);
const codeCounts = new Uint16Array(16);
const nextCode = new Uint16Array(16);

// --- the fixed Huffman code (RFC 1951, 3.2.6) ---------------------------------------------------
const FIXED_LIT_LENGTHS = new Uint8Array(288);
FIXED_LIT_LENGTHS.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
const FIXED_DIST_LENGTHS = new Uint8Array(DIST_CODES).fill(5);
const FIXED_LIT_CODES = new Uint16Array(288);
const FIXED_DIST_CODES = new Uint16Array(DIST_CODES);
canonicalCodes(FIXED_LIT_LENGTHS, 288, FIXED_LIT_CODES);
canonicalCodes(FIXED_DIST_LENGTHS, DIST_CODES, FIXED_DIST_CODES);

function compressSmall(data: Uint8Array): Buffer {
  const n = data.length;
  if (generation + n + 1 >= 0x7fffffff) {
    head.fill(0);
    generation = 1;
  }
  const gen = generation;
  generation += n + 1; // before anything can throw: a later call never sees this one's entries as its own
  const symbols = lz77(data, gen);

  litFreq[END_OF_BLOCK]++;
  const storedBits = 3 + 5 + 32 + 8 * n; // header, padding to a byte (at most 5 bits here), LEN/NLEN, bytes
  let extraBits = 0; // of lengths and distances, whatever the code
  for (let s = 257; s < LIT_CODES; s++) extraBits += litFreq[s] * LEN_EXTRA[s - 257];
  for (let d = 0; d < DIST_CODES; d++) extraBits += distFreq[d] * DIST_EXTRA[d];
  let fixedBits = 3 + extraBits;
  for (let s = 0; s < LIT_CODES; s++) fixedBits += litFreq[s] * FIXED_LIT_LENGTHS[s];
  for (let d = 0; d < DIST_CODES; d++) fixedBits += distFreq[d] * FIXED_DIST_LENGTHS[d];

  let dynamicBits = 3 + 5 + 5 + 4 + extraBits;
  dynamicBits += huffmanLengths(litFreq, LIT_CODES, 15, litLengths);
  dynamicBits += huffmanLengths(distFreq, DIST_CODES, 15, distLengths);
  let hlit = LIT_CODES;
  while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
  let hdist = DIST_CODES;
  while (hdist > 1 && distLengths[hdist - 1] === 0) hdist--;
  clFreq.fill(0);
  let rleCount = runLengths(litLengths, hlit, 0);
  rleCount = runLengths(distLengths, hdist, rleCount);
  dynamicBits += huffmanLengths(clFreq, CL_CODES, 7, clLengths);
  let hclen = CL_CODES;
  while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]] === 0) hclen--;
  dynamicBits += 3 * hclen + 2 * clFreq[16] + 3 * clFreq[17] + 7 * clFreq[18];

  const blockBits = Math.min(storedBits, fixedBits, dynamicBits);
  const out = Buffer.allocUnsafe(2 + ((blockBits + 7) >> 3) + 4);
  out[0] = 0x78;
  out[1] = 0xda;
  let end: number;
  if (storedBits === blockBits) {
    out[2] = 1; // BFINAL, BTYPE 00, then padding to the byte
    out[3] = n & 0xff;
    out[4] = n >> 8;
    out[5] = ~n & 0xff;
    out[6] = (~n >> 8) & 0xff;
    out.set(data, 7);
    end = 7 + n;
  } else {
    const writer = new BitWriter(out, 2);
    if (fixedBits === blockBits) {
      writer.write(0b011, 3); // BFINAL, BTYPE 01
      end = writeSymbols(writer, symbols, FIXED_LIT_CODES, FIXED_LIT_LENGTHS, FIXED_DIST_CODES, FIXED_DIST_LENGTHS);
    } else {
      canonicalCodes(litLengths, LIT_CODES, litCodes);
      canonicalCodes(distLengths, DIST_CODES, distCodes);
      canonicalCodes(clLengths, CL_CODES, clCodes);
      writer.write(0b101, 3); // BFINAL, BTYPE 10
      writer.write(hlit - 257, 5);
      writer.write(hdist - 1, 5);
      writer.write(hclen - 4, 4);
      for (let i = 0; i < hclen; i++) writer.write(clLengths[CL_ORDER[i]], 3);
      for (let i = 0; i < rleCount; i++) {
        const s = rleSymbols[i];
        writer.write(clCodes[s], clLengths[s]);
        if (s >= 16) writer.write(rleExtras[i], s === 16 ? 2 : s === 17 ? 3 : 7);
      }
      end = writeSymbols(writer, symbols, litCodes, litLengths, distCodes, distLengths);
    }
  }
  if (end + 4 !== out.length) throw new Error(`deflate: ${end + 4} bytes written, ${out.length} counted`);
  const checksum = adler32(data);
  out[end] = checksum >>> 24;
  out[end + 1] = (checksum >>> 16) & 0xff;
  out[end + 2] = (checksum >>> 8) & 0xff;
  out[end + 3] = checksum & 0xff;
  return out;
}

/** Greedy-with-one-step-lazy LZ77, as zlib's deflate_slow; fills the symbol arrays and frequencies. */
function lz77(data: Uint8Array, gen: number): number {
  const n = data.length;
  litFreq.fill(0);
  distFreq.fill(0);
  const lastHashed = n - MIN_MATCH; // the last position with three bytes to hash
  let count = 0;
  let inserted = 0; // positions below this are in the hash chains
  let pendingLength = 0; // a match found at i − 1, waiting to see whether i has a longer one
  let pendingDistance = 0;
  let literalPending = false; // whether data[i − 1] is not yet emitted
  let i = 0;
  while (i < n) {
    let length = 0;
    let distance = 0;
    const maxLength = n - i < MAX_MATCH ? n - i : MAX_MATCH;
    if (i <= lastHashed && pendingLength < maxLength) {
      for (; inserted <= i; inserted++) {
        const h = ((data[inserted] << 10) ^ (data[inserted + 1] << 5) ^ data[inserted + 2]) & HASH_MASK;
        prev[inserted] = head[h];
        head[h] = gen + inserted;
      }
      let best = pendingLength > MIN_MATCH - 1 ? pendingLength : MIN_MATCH - 1;
      const first = data[i];
      let candidate = prev[i];
      for (let chain = MAX_CHAIN; candidate >= gen && chain > 0; chain--) {
        const at = candidate - gen;
        if (data[at + best] === data[i + best] && data[at] === first) {
          let k = 1;
          while (k < maxLength && data[at + k] === data[i + k]) k++;
          if (k > best) {
            best = k;
            length = k;
            distance = i - at;
            if (k === maxLength) break;
          }
        }
        candidate = prev[at];
      }
      if (length === MIN_MATCH && distance > TOO_FAR) length = 0;
    }
    if (literalPending && pendingLength >= MIN_MATCH && length <= pendingLength) {
      // the match at i − 1 is at least as good: take it
      symLength[count] = pendingLength;
      symValue[count++] = pendingDistance;
      litFreq[257 + LEN_CODE[pendingLength - MIN_MATCH]]++;
      distFreq[DIST_CODE[pendingDistance]]++;
      i += pendingLength - 1;
      const stop = i - 1 < lastHashed ? i - 1 : lastHashed;
      for (; inserted <= stop; inserted++) {
        const h = ((data[inserted] << 10) ^ (data[inserted + 1] << 5) ^ data[inserted + 2]) & HASH_MASK;
        prev[inserted] = head[h];
        head[h] = gen + inserted;
      }
      literalPending = false;
      pendingLength = 0;
      continue;
    }
    if (literalPending) {
      symLength[count] = 0;
      symValue[count++] = data[i - 1];
      litFreq[data[i - 1]]++;
    }
    literalPending = true;
    pendingLength = length;
    pendingDistance = distance;
    i++;
  }
  if (literalPending) {
    symLength[count] = 0;
    symValue[count++] = data[n - 1];
    litFreq[data[n - 1]]++;
  }
  return count;
}

/** The symbols, then end-of-block, after what the writer holds; pads the last byte, returns the end. */
function writeSymbols(
  writer: BitWriter,
  count: number,
  litCodeOf: Uint16Array,
  litLengthOf: Uint8Array,
  distCodeOf: Uint16Array,
  distLengthOf: Uint8Array,
): number {
  // the writer's state in locals: at most 15 bits a step, bytes out in pairs once 16 are held
  const out = writer.out;
  let position = writer.position;
  let bits = writer.bits;
  let held = writer.count;
  for (let k = 0; k < count; k++) {
    const length = symLength[k];
    if (length === 0) {
      const literal = symValue[k];
      bits |= litCodeOf[literal] << held;
      held += litLengthOf[literal];
    } else {
      const lc = LEN_CODE[length - MIN_MATCH];
      bits |= litCodeOf[257 + lc] << held;
      held += litLengthOf[257 + lc];
      if (held >= 16) {
        out[position++] = bits & 0xff;
        out[position++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        held -= 16;
      }
      bits |= (length - LEN_BASE[lc]) << held; // 0 when the code has no extra bits
      held += LEN_EXTRA[lc];
      if (held >= 16) {
        out[position++] = bits & 0xff;
        out[position++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        held -= 16;
      }
      const distance = symValue[k];
      const dc = DIST_CODE[distance];
      bits |= distCodeOf[dc] << held;
      held += distLengthOf[dc];
      if (held >= 16) {
        out[position++] = bits & 0xff;
        out[position++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        held -= 16;
      }
      bits |= (distance - DIST_BASE[dc]) << held;
      held += DIST_EXTRA[dc];
    }
    if (held >= 16) {
      out[position++] = bits & 0xff;
      out[position++] = (bits >>> 8) & 0xff;
      bits >>>= 16;
      held -= 16;
    }
  }
  bits |= litCodeOf[END_OF_BLOCK] << held;
  held += litLengthOf[END_OF_BLOCK];
  for (; held > 0; held -= 8) {
    out[position++] = bits & 0xff;
    bits >>>= 8;
  }
  return position;
}

/** Bits least significant first, as DEFLATE packs them; at most 16 bits a call. */
class BitWriter {
  bits = 0;
  /** Bits held, always fewer than 8 between calls. */
  count = 0;

  constructor(
    readonly out: Uint8Array,
    public position: number,
  ) {}

  write(value: number, length: number): void {
    this.bits |= value << this.count;
    this.count += length;
    while (this.count >= 8) {
      this.out[this.position++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count -= 8;
    }
  }
}

/**
 * The code-length sequence of a tree, run-length coded (16: repeat the previous 3–6 times, 17:
 * 3–10 zeros, 18: 11–138 zeros), appended at `at`; counts each symbol in clFreq.
 */
function runLengths(lengths: Uint8Array, count: number, at: number): number {
  let out = at;
  const emit = (symbol: number, extra: number) => {
    rleSymbols[out] = symbol;
    rleExtras[out++] = extra;
    clFreq[symbol]++;
  };
  for (let i = 0; i < count;) {
    const length = lengths[i];
    let run = 1;
    while (i + run < count && lengths[i + run] === length) run++;
    i += run;
    if (length === 0) {
      while (run >= 11) {
        const r = Math.min(run, 138);
        emit(18, r - 11);
        run -= r;
      }
      if (run >= 3) {
        emit(17, run - 3);
        run = 0;
      }
    } else {
      emit(length, 0);
      run--;
      while (run >= 3) {
        const r = Math.min(run, 6);
        emit(16, r - 3);
        run -= r;
      }
    }
    for (; run > 0; run--) emit(length, 0);
  }
  return out;
}

/**
 * Length-limited Huffman code lengths: Moffat and Katajainen's in-place minimum-redundancy
 * lengths, then lengths above the limit folded back until the Kraft sum is one again (miniz's
 * method). Unused symbols get 0; at least two symbols always get a code, as zlib ensures, so the
 * code is complete. Returns the bits the frequencies take in this code.
 */
function huffmanLengths(freq: Uint32Array, symbols: number, limit: number, lengths: Uint8Array): number {
  // every symbol by ascending frequency, ties by symbol (a counting sort: frequencies are small)
  let maxFreq = 0;
  for (let s = 0; s < symbols; s++) maxFreq = Math.max(maxFreq, freq[s]);
  let zeros: number;
  if (maxFreq < SORT_BUCKETS) {
    bucketStarts.fill(0, 0, maxFreq + 2);
    for (let s = 0; s < symbols; s++) bucketStarts[freq[s] + 1]++;
    for (let f = 1; f <= maxFreq + 1; f++) bucketStarts[f] += bucketStarts[f - 1];
    zeros = bucketStarts[1];
    for (let s = 0; s < symbols; s++) {
      const k = bucketStarts[freq[s]]++;
      work[k] = freq[s];
      workSymbols[k] = s;
    }
  } else {
    zeros = 0;
    for (let s = 0; s < symbols; s++) {
      sortKeys[s] = freq[s] * 512 + s;
      if (freq[s] === 0) zeros++;
    }
    const sorted = sortKeys.subarray(0, symbols).sort();
    for (let k = 0; k < symbols; k++) {
      work[k] = sorted[k] >> 9;
      workSymbols[k] = sorted[k] & 511;
    }
  }
  // fewer than two used: the lowest unused symbols join with weight 0 (as zlib does)
  const first = Math.min(zeros, symbols - 2);
  for (let j = zeros - first - 1; j >= 0; j--) workSymbols[first + j] = workSymbols[j];
  const used = symbols - first;
  minimumRedundancy(work.subarray(first, symbols), used);
  lengthCounts.fill(0, 0, Math.max(used, limit) + 1);
  for (let k = first; k < symbols; k++) lengthCounts[work[k]]++;
  for (let l = limit + 1; l <= used; l++) lengthCounts[limit] += lengthCounts[l];
  let kraft = 0;
  for (let l = limit; l > 0; l--) kraft += lengthCounts[l] << (limit - l);
  while (kraft !== 1 << limit) {
    lengthCounts[limit]--;
    for (let l = limit - 1; l > 0; l--) {
      if (lengthCounts[l] !== 0) {
        lengthCounts[l]--;
        lengthCounts[l + 1] += 2;
        break;
      }
    }
    kraft--;
  }
  // the most frequent symbols (at the end of the sorted order) take the shortest lengths
  lengths.fill(0, 0, symbols);
  let bits = 0;
  let k = symbols;
  for (let l = 1; l <= limit; l++) {
    for (let c = lengthCounts[l]; c > 0; c--) {
      const s = workSymbols[--k];
      lengths[s] = l;
      bits += freq[s] * l;
    }
  }
  return bits;
}

/** In place: a[0…n−1] are weights in ascending order, replaced by their code lengths (n ≥ 2). */
function minimumRedundancy(a: Int32Array, n: number): void {
  a[0] += a[1];
  let root = 0;
  let leaf = 2;
  for (let next = 1; next < n - 1; next++) {
    if (leaf >= n || a[root] < a[leaf]) {
      a[next] = a[root];
      a[root++] = next;
    } else a[next] = a[leaf++];
    if (leaf >= n || (root < next && a[root] < a[leaf])) {
      a[next] += a[root];
      a[root++] = next;
    } else a[next] += a[leaf++];
  }
  a[n - 2] = 0;
  for (let next = n - 3; next >= 0; next--) a[next] = a[a[next]] + 1;
  let available = 1;
  let used = 0;
  let depth = 0;
  let root2 = n - 2;
  let next = n - 1;
  while (available > 0) {
    while (root2 >= 0 && a[root2] === depth) {
      used++;
      root2--;
    }
    while (available > used) {
      a[next--] = depth;
      available--;
    }
    available = 2 * used;
    depth++;
    used = 0;
  }
}

/** Canonical codes from code lengths (RFC 1951, 3.2.2), bit-reversed for LSB-first writing. */
function canonicalCodes(lengths: Uint8Array, symbols: number, codes: Uint16Array): void {
  codeCounts.fill(0);
  for (let s = 0; s < symbols; s++) codeCounts[lengths[s]]++;
  codeCounts[0] = 0;
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + codeCounts[bits - 1]) << 1;
    nextCode[bits] = code;
  }
  for (let s = 0; s < symbols; s++) {
    const length = lengths[s];
    if (length === 0) continue;
    const c = nextCode[length]++;
    codes[s] = ((REVERSED_BYTE[c & 0xff] << 8) | REVERSED_BYTE[c >> 8]) >> (16 - length);
  }
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + 2000, data.length); // reduced often enough to stay small integers
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
