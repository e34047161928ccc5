/**
 * Child process for the concurrency test: opens the same data directory as its siblings and
 * creates N dossiers as fast as it can. Prints the codes it got, one per line.
 */
import { createDispatcher } from '../../electron/api/dispatch';
import { APP_ROOT } from '../../electron/host/app-root';
import { createServices } from '../../electron/services/create-services';
import { SAMPLE_CITIZEN } from './services';

const [dataDir, countText] = process.argv.slice(2);
const services = createServices({
  dataDir: dataDir!,
  appRoot: APP_ROOT,
  appVersion: 'test',
  host: 'web',
});
const dispatcher = createDispatcher(services.handlers);
const codes: string[] = [];
for (let i = 0; i < Number(countText); i++) {
  const result = await dispatcher.dispatch('dossiers.create', {
    procedureKey: 'dang-ky-tam-tru',
    citizen: SAMPLE_CITIZEN,
  });
  if (!result.ok) {
    console.error(JSON.stringify(result.error));
    process.exit(1);
  }
  codes.push((result.value as { code: string }).code);
}
services.close();
console.log(codes.join('\n'));
