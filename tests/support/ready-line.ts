import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Resolves with the first stdout line `isReady` accepts (the process's own readiness signal,
 * never a sleep). Rejects if the process exits first or `timeoutMs` passes, quoting `output`,
 * which collects what it wrote to stderr and its stdout lines.
 */
export function waitForReadyLine(
  child: ChildProcess,
  options: { what: string; timeoutMs: number; isReady: (line: string) => boolean },
  output: string[] = [],
): Promise<string> {
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.what} did not start:\n${output.join('')}`)),
      options.timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`${options.what} exited with ${code}:\n${output.join('')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (options.isReady(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}
