import type { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * One entry of the contract: what a call accepts, what it returns and which domain errors it may
 * report (besides the transport errors every call can yield: INVALID_INPUT, INTERNAL…).
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  readonly errors: readonly ErrorCode[];
}

/** Identity helper that keeps the literal schema types of a call for inference. */
export function defineCall<I extends z.ZodType, O extends z.ZodType>(
  spec: CallSpec<I, O>,
): CallSpec<I, O> {
  return spec;
}
