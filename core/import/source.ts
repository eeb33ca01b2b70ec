import type { ImportSource } from './types';

const inMemoryChunkBytes = 1_048_576;

/** Yields an in-memory file in 1 MB views (no copies), so every reader can treat input as a stream. */
async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += inMemoryChunkBytes) {
    yield bytes.subarray(offset, Math.min(bytes.length, offset + inMemoryChunkBytes));
  }
}

export function asChunks(source: ImportSource): AsyncIterable<Uint8Array> {
  return source instanceof Uint8Array ? chunksOf(source) : source;
}

function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const result = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/**
 * A byte stream whose first bytes can be inspected before it is consumed. `peek` reads ahead
 * only as far as it must, and `chunks` then yields the peeked bytes followed by the rest.
 */
export class PeekableBytes {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private bufferedLength = 0;
  private ended = false;

  constructor(source: ImportSource) {
    this.iterator = asChunks(source)[Symbol.asyncIterator]();
  }

  /** Returns up to `count` first bytes; fewer only when the stream is shorter. */
  async peek(count: number): Promise<Uint8Array> {
    while (this.bufferedLength < count && !this.ended) {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.ended = true;
      } else if (next.value.length > 0) {
        this.buffered.push(next.value);
        this.bufferedLength += next.value.length;
      }
    }
    if (this.buffered.length > 1) this.buffered = [concatBytes(this.buffered, this.bufferedLength)];
    return (this.buffered[0] ?? new Uint8Array(0)).subarray(0, count);
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    const buffered = this.buffered;
    this.buffered = [];
    this.bufferedLength = 0;
    yield* buffered;
    while (!this.ended) {
      const next = await this.iterator.next();
      if (next.done === true) this.ended = true;
      else if (next.value.length > 0) yield next.value;
    }
  }

  /** Reads the whole stream into one array, for formats that need random access (zip). */
  async readAll(maxBytes: number, onTooLarge: (size: number) => Error): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of this.chunks()) {
      length += chunk.length;
      if (length > maxBytes) throw onTooLarge(length);
      parts.push(chunk);
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : concatBytes(parts, length);
  }
}
