import { ensureRendererBuiltSync } from '../../../electron/host/tools/ensure-build';
import { APP_ROOT } from '../../../electron/host/app-root';

/** Build the UI once, before the workers start hosts that serve it with --no-build. */
export default function globalSetup(): void {
  ensureRendererBuiltSync(APP_ROOT);
}
