// The ES module entry's types: the wasm API, plus the emulator on node:http.
export * from './pkg/node/slb_msgroup.js';

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** The address to listen on; `127.0.0.1` by default (loopback only). */
  host?: string;
  /** 8090 by default; `0` picks a free port. */
  port?: number;
  /** Access keys the emulator knows, as `ID:SECRET`; none: any AccessKeyId, no verification. */
  credentials?: string[];
  /** One line per request: `text` or `json` on stdout, a function of the line, or `false` (default). */
  log?: 'text' | 'json' | false | ((line: string) => void);
}

/** A group the emulator created, as `GET /_emulator/groups` lists it. */
export interface EmulatedGroup {
  MasterSlaveServerGroupId: string;
  RegionId: string;
  LoadBalancerId: string;
  MasterSlaveServerGroupName?: string;
  MasterSlaveBackendServers: {
    ServerId: string;
    Port: number;
    Weight: number;
    ServerType: string;
    Type: string;
    Description?: string;
  }[];
  RequestId: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, such as `http://127.0.0.1:8090`. */
  url: string;
  port: number;
  /** The groups created so far. */
  groups(): EmulatedGroup[];
  /** Stops listening and lets open connections finish (at most 5 s). */
  close(): Promise<void>;
}

/** Starts the emulator (Node only): the same handler as the Rust `slb-msgroup emulate`. */
export function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator>;
