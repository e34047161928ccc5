/**
 * Enforces the dependency rule of DESIGN.md (Signal's file-suffix rule and GitHub Desktop's
 * restricted imports, in one place):
 *
 *   renderer ─▶ electron/api            main, preload ─▶ api, services
 *   host ─▶ api, services               services ─▶ api, native, db
 *   native ─▶ (nothing of ours)         db ─▶ (nothing of ours)
 *
 * plus: only electron/main and electron/preload import 'electron'; renderer, api and preload
 * import no Node built-ins; raw ipcMain/ipcRenderer only in the two adapters; shell.openExternal
 * only behind safeOpenExternal.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const ALLOWED = {
  renderer: ['renderer', 'api'],
  api: ['api'],
  main: ['main', 'api', 'services'],
  preload: ['preload', 'api'],
  host: ['host', 'api', 'services'],
  services: ['services', 'api', 'native', 'db'],
  native: ['native'],
  db: ['db'],
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NO_NODE = new Set(['renderer', 'api', 'preload']);
const ELECTRON_OK = new Set(['main', 'preload']);
const IPC_ADAPTERS = new Set([
  'electron/main/ipc-adapter.ts',
  'electron/main/index.ts',
  'electron/preload/index.ts',
]);
const OPEN_EXTERNAL_OK = new Set(['electron/main/safe-open-external.ts']);

/** Which layer a repository-relative path belongs to, or null for tests, config and tools. */
export function layerOf(relative) {
  const p = relative.split(path.sep).join('/');
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/api/')) return 'api';
  if (p.startsWith('electron/main/')) return 'main';
  if (p.startsWith('electron/preload/')) return 'preload';
  if (p.startsWith('electron/host/')) return 'host';
  if (p.startsWith('electron/services/')) return 'services';
  if (p.startsWith('native/')) return 'native';
  if (p.startsWith('db/')) return 'db';
  return null;
}

function check(context, node, source) {
  const file = context.filename ?? context.getFilename();
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  const layer = layerOf(relative);
  if (layer === null || typeof source !== 'string') return;

  if (source === 'electron' || source.startsWith('electron/')) {
    if (!ELECTRON_OK.has(layer)) {
      context.report({
        node,
        message: `'${source}' may only be imported in electron/main and electron/preload (DESIGN.md).`,
      });
      return;
    }
    const names = (node.specifiers ?? []).map((s) => s.imported?.name).filter(Boolean);
    if (names.some((n) => n === 'ipcMain' || n === 'ipcRenderer') && !IPC_ADAPTERS.has(relative)) {
      context.report({
        node,
        message:
          'Raw ipcMain/ipcRenderer only in the IPC adapter and the preload: go through the contract.',
      });
    }
    return;
  }
  if (NODE_BUILTINS.has(source)) {
    if (NO_NODE.has(layer))
      context.report({ node, message: `${layer}/ must not import Node built-in '${source}'.` });
    return;
  }
  if (!source.startsWith('.')) return; // npm packages: not a layer question
  const target = path
    .relative(ROOT, path.resolve(path.dirname(file), source))
    .split(path.sep)
    .join('/');
  const targetLayer = layerOf(target.endsWith('/') ? target : `${target}/`) ?? layerOf(target);
  if (targetLayer === null) {
    if (target.startsWith('..') || target.startsWith('tests/')) {
      context.report({
        node,
        message: `${layer}/ must not import '${source}' (outside the app's layers).`,
      });
    }
    return;
  }
  if (!ALLOWED[layer].includes(targetLayer)) {
    context.report({
      node,
      message: `${layer}/ must not import ${targetLayer}/ ('${source}'). Allowed: ${ALLOWED[layer].join(', ')} (DESIGN.md dependency rule).`,
    });
  }
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'DESIGN.md dependency rule between layers' },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration: (node) => check(context, node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
      ExportAllDeclaration: (node) => check(context, node, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(context, node, node.source.value),
      MemberExpression(node) {
        if (node.property.type !== 'Identifier' || node.property.name !== 'openExternal') return;
        const relative = path.relative(ROOT, context.filename).split(path.sep).join('/');
        if (!OPEN_EXTERNAL_OK.has(relative)) {
          context.report({
            node,
            message:
              'Call safeOpenExternal() instead of shell.openExternal (Electron checklist #15).',
          });
        }
      },
    };
  },
};

export default { rules: { layers: layersRule } };
