import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../errors';

export interface IntakeFile {
  readonly fileId: string;
  readonly fileName: string;
  readonly path: string;
  readonly sizeBytes: number;
  /** True for copies made by an upload, which are deleted when the import is done with them. */
  readonly uploaded: boolean;
}

/** The largest upload browser mode accepts, in bytes. */
export const maxUploadBytes = 4 * 1024 ** 3;

/**
 * Files offered for import, by id: uploads from browser mode (copied into the data folder's
 * `uploads` folder) and files chosen in the desktop app's dialog (read in place). The renderer
 * only ever names a file by its id, never by a path.
 */
export class FileIntake {
  private readonly files = new Map<string, IntakeFile>();

  constructor(private readonly dataDir: string) {}

  private get uploadsFolder(): string {
    return join(this.dataDir, 'uploads');
  }

  /** Deletes uploads left behind by an earlier run; they hold customer data in plain text. */
  purgeStaleUploads(): void {
    if (!existsSync(this.uploadsFolder)) return;
    for (const entry of readdirSync(this.uploadsFolder)) rmSync(join(this.uploadsFolder, entry), { force: true });
  }

  registerPath(path: string): IntakeFile {
    if (!existsSync(path) || !statSync(path).isFile()) throw new ServiceError('not_found', `No file at ${path}.`);
    const file: IntakeFile = { fileId: randomBytes(12).toString('hex'), fileName: basename(path), path, sizeBytes: statSync(path).size, uploaded: false };
    this.files.set(file.fileId, file);
    return file;
  }

  /** Streams an upload to disk, stopping at `maxUploadBytes`. */
  async receiveUpload(fileName: string, body: Readable): Promise<IntakeFile> {
    mkdirSync(this.uploadsFolder, { recursive: true, mode: 0o700 });
    const fileId = randomBytes(12).toString('hex');
    const path = join(this.uploadsFolder, `${fileId}.upload`);
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxUploadBytes) body.destroy(new ServiceError('invalid_input', `The file is larger than ${maxUploadBytes} bytes.`));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      rmSync(path, { force: true });
      if (error instanceof ServiceError) throw error;
      throw new ServiceError('invalid_input', `The upload of ${fileName} did not complete. Choose the file again.`);
    }
    const file: IntakeFile = { fileId, fileName: safeName(fileName), path, sizeBytes: size, uploaded: true };
    this.files.set(fileId, file);
    return file;
  }

  get(fileId: string): IntakeFile {
    const file = this.files.get(fileId);
    if (file === undefined) throw new ServiceError('not_found', 'The chosen file is no longer available. Choose it again.');
    return file;
  }

  open(fileId: string): AsyncIterable<Uint8Array> {
    return createReadStream(this.get(fileId).path, { highWaterMark: 1024 * 1024 });
  }

  discard(fileId: string): void {
    const file = this.files.get(fileId);
    if (file === undefined) return;
    this.files.delete(fileId);
    if (file.uploaded) rmSync(file.path, { force: true });
  }

  discardAll(): void {
    for (const fileId of [...this.files.keys()]) this.discard(fileId);
  }
}

function safeName(name: string): string {
  const trimmed = [...basename(name.replace(/\\/g, '/'))].filter((char) => char.charCodeAt(0) >= 0x20).join('').slice(0, 200);
  return trimmed === '' ? 'upload' : trimmed;
}
