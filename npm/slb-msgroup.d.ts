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
 * A span in UTF-16 code units; the CLI adds the 1-based line and column of its start.
 */
export interface Span {
    start: number;
    end: number;
    line?: number;
    column?: number;
}

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
