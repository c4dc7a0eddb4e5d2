/* tslint:disable */
/* eslint-disable */
/**
 * A `CreateMasterSlaveServerGroup` request.
 */
export interface Request {
    RegionId?: string;
    LoadBalancerId?: string;
    MasterSlaveBackendServers?: ServerList;
    MasterSlaveServerGroupName?: string;
}

/**
 * A number or a decimal string (`80` and `"80"` alike), as `Port` and `Weight` may be given.
 */
export type NumOrStr = number | string;

/**
 * A rendered response.
 */
export interface RenderedResponse {
    status: number;
    contentType: string;
    body: string;
}

/**
 * A request given as parts: `checkRequest({ method, url, headers, body })`.
 */
export interface HttpRequestParts {
    /**
     * Default: GET.
     */
    method?: string | undefined;
    /**
     * `https://host/?…` or `/?…`.
     */
    url: string;
    headers?: ApiHeaders | undefined;
    /**
     * The body as text.
     */
    body?: string | undefined;
}

/**
 * A span in UTF-16 code units; the CLI adds the 1-based line and column of its start.
 */
export interface Span {
    start: number;
    end: number;
    line?: number;
    column?: number;
}

/**
 * Each step of the signature check. The secret is never part of it.
 */
export interface SignatureReport {
    scheme: Scheme | null;
    /**
     * `true` or `false` when the secret was known; `null` when the signature was not verified.
     */
    verified: boolean | null;
    accessKeyId: string | null;
    /**
     * ACS3: the headers the request says it signed.
     */
    signedHeaders: string[] | null;
    canonicalQuery: string | null;
    /**
     * ACS3: the canonical request that is hashed.
     */
    canonicalRequest: string | null;
    /**
     * The server's string-to-sign.
     */
    stringToSign: string | null;
    /**
     * The signature the server computes (only with the secret).
     */
    expected: string | null;
    /**
     * The signature the request carries.
     */
    given: string | null;
    /**
     * The client's string-to-sign (ACS3: or canonical request), when the user gave it or one
     * of the usual mistakes reproduces the client's signature.
     */
    clientStringToSign: string | null;
    /**
     * The string-to-sign the service's `SignatureDoesNotMatch` message ends with, when the user
     * pasted that message.
     */
    serviceStringToSign: string | null;
    /**
     * Where the client's string first differs from the server's.
     */
    firstDifference: FirstDifference | null;
    /**
     * Why the client's signature differs, when one of the usual mistakes reproduces it.
     */
    cause: string | null;
}

/**
 * Headers as an object (`{ name: value }`) or as pairs (`[[name, value], …]`, for repeated
 * headers).
 */
export type ApiHeaders = Record<string, string> | [string, string][];

/**
 * How bad a finding is. Errors make the service reject the request; warnings do not.
 */
export type Severity = "error" | "warning";

/**
 * One backend server as given. Every field is optional here: the validator says what is missing.
 */
export type BackendServer = { ServerId?: string; Port?: NumOrStr; Weight?: NumOrStr; ServerType?: string; Type?: string; Description?: string; ServerIp?: string } & {};

/**
 * Options of `buildRequest`.
 */
export interface RequestOptions {
    signatureVersion?: SignatureVersion;
    method?: Method;
    format?: Format;
    protocol?: Protocol;
    endpoint?: string;
    accessKeyId?: string;
    accessKeySecret?: string;
    /**
     * `YYYY-MM-DDThh:mm:ssZ`; default: now.
     */
    timestamp?: string;
    /**
     * Default: random.
     */
    nonce?: string;
}

/**
 * Options of `checkRequest`.
 */
export interface CheckOptions {
    /**
     * The AccessKey id the gateway knows; another id is `InvalidAccessKeyId.NotFound`.
     */
    accessKeyId?: string | undefined;
    /**
     * The secret to verify the signature with; without it the signature is not verified.
     */
    accessKeySecret?: string | undefined;
    /**
     * `YYYY-MM-DDThh:mm:ssZ`, for the timestamp window; default: now.
     */
    now?: string | undefined;
    /**
     * The string-to-sign the client logged, or the service's error message.
     */
    stringToSign?: string | undefined;
    /**
     * Nonces already used.
     */
    usedNonces?: string[] | undefined;
}

/**
 * Options of `renderResponse`.
 */
export interface ResponseOptions {
    format?: Format;
    shape?: Shape;
    requestId?: string;
    groupId?: string;
}

/**
 * Options of `snippets`.
 */
export interface SnippetOptions {
    /**
     * A host that overrides the region's endpoint.
     */
    endpoint?: string;
    /**
     * Only these snippets (ids such as `curl-bash`, `python`); default: all.
     */
    only?: string[];
}

/**
 * The body format, as the `Format` request parameter names it.
 */
export type Format = "JSON" | "XML";

/**
 * The layout of a success body.
 */
export type Shape = "service" | "documented";

/**
 * The request as read, for the report (the body as text, invalid UTF-8 replaced).
 */
export interface InputSummary {
    kind: InputKind;
    method: string;
    path: string;
    query: string;
    headers: [string, string][];
    body: string;
}

/**
 * The signature scheme a request uses.
 */
export type Scheme = "v1" | "acs3";

/**
 * What `check` found.
 */
export interface CheckReport {
    /**
     * The service would accept the request: no error at all.
     */
    accepted: boolean;
    /**
     * The HTTP status the service would answer with (200 when accepted); `null` when the input
     * could not be read as a request.
     */
    status: number | null;
    input: InputSummary | null;
    /**
     * The gateway's diagnostics first (spans into the input), then the API's (spans into
     * `MasterSlaveBackendServers`).
     */
    diagnostics: Diagnostic[];
    /**
     * How many of `diagnostics` are the gateway's (and the reader's): the first ones.
     */
    gatewayDiagnostics: number;
    signature: SignatureReport;
    /**
     * Every parameter decoded (query, then a form body), but `Signature`.
     */
    parameters: Record<string, string>;
}

/**
 * Where two strings-to-sign (or canonical requests) first differ.
 */
export interface FirstDifference {
    /**
     * Byte offset of the first difference (UTF-8).
     */
    offset: number;
    /**
     * The server's string around the difference (up to 24 bytes each side).
     */
    expected: string;
    /**
     * The client's string around the difference.
     */
    given: string;
    /**
     * What the difference likely is.
     */
    likely: string;
}

/**
 * Which reader read the input.
 */
export type InputKind = "url" | "curl" | "http" | "parts";

/**
 * `MasterSlaveBackendServers`: the raw string the API takes, or an already structured list.
 */
export type ServerList = string | BackendServer[];

export interface BuiltRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    canonicalQuery: string | null;
    stringToSign: string | null;
    signed: boolean;
}

export interface Diagnostic {
    code: string;
    severity: Severity;
    httpStatus: number | null;
    message: string;
    detail: string;
    path: string;
    span: Span | null;
    fix: Fix | null;
}

export interface Edit {
    start: number;
    end: number;
    text: string;
}

export interface ErrorCode {
    code: string;
    httpStatus: number | null;
    severity: Severity;
    message: string;
    description: string;
}

export interface Fix {
    label: string;
    edits: Edit[];
}

export interface ParsedServers {
    servers: BackendServer[] | null;
    diagnostics: Diagnostic[];
}

export interface Region {
    regionId: string;
    endpoint: string;
}

export interface Report {
    ok: boolean;
    diagnostics: Diagnostic[];
}

export type Method = "GET" | "POST";

export type Protocol = "https" | "http";

export type SignatureVersion = "none" | "v1" | "v3";


/**
 * Builds the request URL: unsigned, or signed with RPC v1 (HMAC-SHA1) or ACS3-HMAC-SHA256.
 * The timestamp defaults to now and the nonce to a random one. Throws on misuse: a timestamp
 * not in the form `YYYY-MM-DDThh:mm:ssZ`, signing without credentials, an unknown option.
 */
export function buildRequest(request: Request, options?: RequestOptions | null): BuiltRequest;

/**
 * Checks a request as a client sent it, the way the service does: `input` is the text (a URL,
 * a curl command line or a raw HTTP/1.1 request) or `{ method, url, headers, body }`. The
 * report has `accepted`, `status`, the gateway's diagnostics then the API's, every step of the
 * signature and the decoded parameters. `now` defaults to the clock. Throws on misuse only: an
 * input that is neither a string nor such an object, an unknown option, a malformed `now`.
 */
export function checkRequest(input: string | HttpRequestParts, options?: CheckOptions | null): CheckReport;

/**
 * Forgets an emulator's state.
 */
export function emulatorFree(handle: number): void;

/**
 * The groups created, as `GET /_emulator/groups` lists them.
 */
export function emulatorGroups(handle: number): object[];

/**
 * Answers one request: `headers` alternates names and values, as Node's `rawHeaders`.
 */
export function emulatorHandle(handle: number, method: string, path: string, query: string, headers: string[], body: Uint8Array | number[]): { status: number, headers: [string, string][], body: string, log: string };

/**
 * Creates an emulator's state for the package's Node server (`startEmulator` and the
 * `slb-msgroup emulate` bin use these `emulator*` functions; use those). `credentials`:
 * `ID:SECRET` strings (none: any AccessKeyId, no verification); `log`: `text` or `json`.
 * Returns the handle the other `emulator*` functions take.
 */
export function emulatorNew(credentials: string[], log: string): number;

/**
 * An error the transport answers itself (a body over the cap, a client too slow), in the
 * service's shape, with its log line.
 */
export function emulatorTransportError(handle: number, method: string, path: string, query: string, status: number, code: string, message: string): { status: number, headers: [string, string][], body: string, log: string };

/**
 * Every diagnostic code: errors in the order the service checks them, then warnings.
 */
export function errorCodes(): ErrorCode[];

/**
 * Parses a raw `MasterSlaveBackendServers` string the way the service reads it (JSON, or the
 * single-quoted form): the servers (`null` when it is not a list of objects) and the
 * diagnostics of the parse.
 */
export function parseServers(raw: string): ParsedServers;

/**
 * The known SLB regions and their endpoints.
 */
export function regions(): Region[];

/**
 * Renders the response the service would give: HTTP 200 and a success body for a valid
 * request, else the first error's status and an error body. Ids are random unless given.
 */
export function renderResponse(request: Request, options?: ResponseOptions | null): RenderedResponse;

/**
 * Code snippets that send the request (curl, the `aliyun` CLI, the SDKs, Terraform): an object
 * from snippet id to code, in a stable order.
 */
export function snippets(request: Request, options?: SnippetOptions | null): Record<string, string>;

/**
 * Validates a request: every error (in the order the service checks them) and warning, with
 * spans in UTF-16 code units into the raw `MasterSlaveBackendServers` string. Bad input is
 * never an exception; a request that is not an object, or has an unknown field, throws.
 */
export function validate(request: Request): Report;

/**
 * The package's version.
 */
export function version(): string;
