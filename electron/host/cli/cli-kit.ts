import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { errorMessage, toApiError, type ApiError } from '../../api/errors';

/** Exit codes every command keeps: scripts and CI rely on them. */
export const EXIT = { ok: 0, domainError: 1, usageError: 2 } as const;

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export class UsageError extends Error {}

export interface Command {
  /** Words that select the command, e.g. "db check". */
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Shared options: where the data lives, and machine-readable output. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies Options;

export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(line.endsWith('\n') ? line : `${line}\n`);
}

export function printJson(io: CliIo, value: unknown): void {
  writeLine(io.stdout, JSON.stringify(value));
}

/** Prints an error as JSON (with --json) or as a Vietnamese line, and returns exit code 1. */
export function reportError(io: CliIo, json: boolean, thrown: unknown): number {
  const error: ApiError = toApiError(thrown);
  if (error.code === 'INTERNAL') writeLine(io.stderr, String((thrown as Error)?.stack ?? thrown));
  if (json) printJson(io, { ok: false, error });
  else writeLine(io.stderr, `Lỗi [${error.code}]: ${error.message ?? errorMessage(error.code)}`);
  return EXIT.domainError;
}

export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} phải là số nguyên dương (nhận được "${value}")`);
  return n;
}
