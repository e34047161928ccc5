/**
 * When is a file in a hot folder complete? A scanner or its software writes over SMB/FTP at its
 * own pace, so a file is taken only when its size and modification time have not changed for a
 * quiet period (chokidar's awaitWriteFinish idea, 2 s by default; scanners.md §2.4), and never
 * while it carries a temporary name (writers that rename when done are then picked up at once).
 */
export interface FileObservation {
  size: number;
  mtimeMs: number;
}

export interface Tracked extends FileObservation {
  /** When this size/mtime was first seen. */
  since: number;
}

const TEMPORARY = /(^\.|^~\$|~$|\.(tmp|temp|part|partial|crdownload|download|filepart|lock)$)/i;

export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}

/** Updates the tracking entry for one observation and says whether the file is now complete. */
export function observe(
  previous: Tracked | undefined,
  now: FileObservation,
  at: number,
  quietMs: number,
): { tracked: Tracked; complete: boolean } {
  if (!previous || previous.size !== now.size || previous.mtimeMs !== now.mtimeMs) {
    return { tracked: { ...now, since: at }, complete: false };
  }
  return { tracked: previous, complete: now.size > 0 && at - previous.since >= quietMs };
}
