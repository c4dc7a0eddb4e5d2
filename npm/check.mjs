// The ES module entry of `slb-msgroup/check` for Node: the CommonJS build of the full engine
// (everything `slb-msgroup` exports, plus `checkRequest`) re-exported by name.
import wasm from './pkg/node/slb_msgroup_check.js';

export const {
  checkRequest,
  validate,
  parseServers,
  buildRequest,
  renderResponse,
  snippets,
  regions,
  errorCodes,
  version,
} = wasm;
