// The ES module entry for Node: the CommonJS build (which loads the .wasm synchronously, so no
// init call is needed) re-exported by name, so `import` and `require` share one instance.
import wasm from './pkg/node/slb_msgroup.js';

export const {
  validate,
  parseServers,
  buildRequest,
  renderResponse,
  snippets,
  regions,
  errorCodes,
  version,
} = wasm;

export { startEmulator } from './emulator.mjs';
