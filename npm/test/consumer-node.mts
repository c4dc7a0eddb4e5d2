// A Node ES module consumer, type-checked by `tsc --noEmit` (module node16): the package's
// declarations must describe the API exactly as issue 4 spells it.
import {
  buildRequest, errorCodes, parseServers, regions, renderResponse, snippets, validate, version,
} from 'slb-msgroup';
import type {
  BackendServer, BuiltRequest, Diagnostic, ErrorCode, Fix, ParsedServers, Region, RenderedResponse,
  Report, Request, RequestOptions, ResponseOptions, Severity, SnippetOptions, Span,
} from 'slb-msgroup';

const servers: BackendServer[] = [
  { ServerId: 'vm-233', Port: 80, Weight: '100', ServerType: 'Master' },
  { ServerId: 'vm-232', Port: '90', Type: 'ecs', Description: 'standby', ServerIp: '10.0.0.2' },
];
const request: Request = {
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: servers,
  MasterSlaveServerGroupName: 'Group1',
};
const raw: Request = { ...request, MasterSlaveBackendServers: "[{'ServerId':'vm-233','Port':'80'}]" };

const report: Report = validate(raw);
const ok: boolean = report.ok;
for (const d of report.diagnostics) {
  const diagnostic: Diagnostic = d;
  const code: string = diagnostic.code;
  const severity: 'error' | 'warning' = diagnostic.severity;
  const sameSeverity: Severity = severity;
  const status: number | null = diagnostic.httpStatus;
  const texts: string[] = [diagnostic.message, diagnostic.detail, diagnostic.path, code, sameSeverity];
  const span: Span | null = diagnostic.span;
  const cut: string | undefined = span ? String(raw.MasterSlaveBackendServers).slice(span.start, span.end) : undefined;
  const fix: Fix | null = diagnostic.fix;
  const edits: { start: number; end: number; text: string }[] = fix ? fix.edits : [];
  void [ok, status, texts, cut, edits];
}

const parsed: ParsedServers = parseServers("[{'ServerId':'i-1','Port':'80'}]");
const list: BackendServer[] | null = parsed.servers;

const options: RequestOptions = {
  signatureVersion: 'v3', method: 'POST', format: 'XML', protocol: 'https', endpoint: 'slb.aliyuncs.com',
  accessKeyId: 'id', accessKeySecret: 'secret', timestamp: '2026-11-22T08:00:00Z', nonce: 'n',
};
const built: BuiltRequest = buildRequest(request, options);
const unsigned: BuiltRequest = buildRequest(request);
const headers: Record<string, string> = built.headers;
const stringToSign: string | null = built.stringToSign;
const canonical: string | null = unsigned.canonicalQuery;
const signed: boolean = built.signed;
const urlAndMethod: string[] = [built.url, built.method];

const responseOptions: ResponseOptions = { format: 'JSON', shape: 'documented', requestId: 'R', groupId: 'rsp-1' };
const response: RenderedResponse = renderResponse(request, responseOptions);
const shaped: { status: number; contentType: string; body: string } = renderResponse(request);

const snippetOptions: SnippetOptions = { endpoint: 'slb.example.test', only: ['curl-bash'] };
const code: Record<string, string> = snippets(request, snippetOptions);
const allCode: Record<string, string> = snippets(request);

const regionList: Region[] = regions();
const firstRegion: { regionId: string; endpoint: string } | undefined = regionList[0];
const codes: ErrorCode[] = errorCodes();
const firstCode: { code: string; httpStatus: number | null; severity: 'error' | 'warning'; message: string; description: string } | undefined = codes[0];
const v: string = version();

// Misuse that the types catch before run time.
// @ts-expect-error: an unknown request field
validate({ RegionId: 'cn-hangzhou', Region: 'x' });
// @ts-expect-error: Port is a number or a string
validate({ MasterSlaveBackendServers: [{ ServerId: 'i-1', Port: true }] });
// @ts-expect-error: there is no signature version v2
buildRequest(request, { signatureVersion: 'v2' });
// @ts-expect-error: the shape is service or documented
renderResponse(request, { shape: 'pretty' });
// @ts-expect-error: a request is an object
validate('cn-hangzhou');

void [list, headers, stringToSign, canonical, signed, urlAndMethod, response, shaped, code, allCode, firstRegion, firstCode, v];

// `slb-msgroup/check`: the full engine plus checkRequest.
import { checkRequest } from 'slb-msgroup/check';
import type { CheckOptions, CheckReport, HttpRequestParts } from 'slb-msgroup/check';

const checkOptions: CheckOptions = { accessKeyId: 'testid', accessKeySecret: 'testsecret', now: '2026-12-06T12:05:00Z' };
const parts: HttpRequestParts = { method: 'GET', url: 'https://slb.aliyuncs.com/?Action=x', headers: [['Accept', '*/*']] };
const checked: CheckReport = checkRequest(parts, checkOptions);
const fromText: CheckReport = checkRequest('https://slb.aliyuncs.com/?Action=x');
const verified: boolean | null = checked.signature.verified;
const status: number | null = fromText.status;
const likely: string | undefined = checked.signature.firstDifference?.likely;
// @ts-expect-error: the input is text or { method, url, headers, body }
checkRequest(42);
void [verified, status, likely];

// The emulator (issue 12).
import { startEmulator } from 'slb-msgroup';
import type { EmulatedGroup, EmulatorOptions, RunningEmulator } from 'slb-msgroup';

const emulatorOptions: EmulatorOptions = { port: 0, credentials: ['testid:testsecret'], log: 'json' };
const running: RunningEmulator = await startEmulator(emulatorOptions);
const base: string = running.url;
const groups: EmulatedGroup[] = running.groups();
const firstPort: number | undefined = groups[0]?.MasterSlaveBackendServers[0]?.Port;
await running.close();
void base;
void firstPort;
