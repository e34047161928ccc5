import type { Handlers } from '../../api/dispatch';
import { VN_TIME_ZONE } from '../shared/vn-time';

export interface SystemFacts {
  appVersion: string;
  host: 'electron' | 'web';
  dataDir: string;
  databaseFile: string;
  schemaVersion: () => number;
  catalogVersion: () => string | null;
}

export function createSystemHandlers(facts: SystemFacts): Pick<Handlers, 'system.info'> {
  return {
    'system.info': () => ({
      appVersion: facts.appVersion,
      host: facts.host,
      dataDir: facts.dataDir,
      databaseFile: facts.databaseFile,
      schemaVersion: facts.schemaVersion(),
      catalogVersion: facts.catalogVersion(),
      timeZone: VN_TIME_ZONE,
    }),
  };
}
