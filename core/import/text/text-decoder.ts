/**
 * The WHATWG TextDecoder, typed here because the core compiles against the plain ES library
 * without DOM or Node types. Node (with full ICU), Electron and browsers all provide it.
 */
export interface TextDecoderInstance {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface TextDecoderConstructor {
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoderInstance;
}

const NativeTextDecoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

export function createTextDecoder(label: string, options: { fatal?: boolean } = {}): TextDecoderInstance {
  return new NativeTextDecoder(label, options);
}
