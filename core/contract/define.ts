import type { z } from 'zod';

/** One request of the contract: the schema its input must pass and the schema of its output. */
export interface RequestDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
  /** True for requests allowed while no ledger is unlocked. */
  readonly public: boolean;
}

export function defineRequest<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
  options: { public?: boolean } = {},
): RequestDefinition<Input, Output> {
  return { input, output, public: options.public ?? false };
}
