// The same rules as far as JSON Schema (draft 2019-09, compiled by ajv) can express them, for
// `JSON.parse(MasterSlaveBackendServers)` plus the request's other fields.
//
// What the schema cannot express, so the JS path does not do it:
// - BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID: comparing two entries' ServerId and Port with 80
//   equal to "80" (uniqueItems compares whole entries, without that equivalence);
// - the service's reading of the raw string: single quotes, and the last of two duplicate keys
//   winning with a warning (JSON.parse keeps the last silently); limits of 64 KiB and depth 32 are
//   expressible only on the string length, not on nesting;
// - the service's error order and first error, the codes, messages, field paths, source spans and
//   fixes (ajv reports schema paths, not positions in the raw string);
// - every warning (unknown keys with the closest known key, unknown region, load balancer id,
//   Description format, ENI/ECI without ServerIp, long group name): a schema has no warnings.
// "Weight and Port as numbers or decimal strings in a range" is expressible only as a regular
// expression over the string form, written out below.

const PORT_STRING = '^(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])$';
const WEIGHT_STRING = '^(?:\\d|[1-9]\\d|100)$';
const NOT_BLANK = '\\S';

const isMaster = {
  anyOf: [
    { not: { required: ['ServerType'] } },
    { properties: { ServerType: { const: 'Master' } }, required: ['ServerType'] },
    { properties: { ServerType: { const: '' } }, required: ['ServerType'] },
  ],
};
const isSlave = { properties: { ServerType: { const: 'Slave' } }, required: ['ServerType'] };

export const serversSchema = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: {
    type: 'object',
    required: ['ServerId', 'Port'],
    properties: {
      ServerId: { type: 'string', pattern: NOT_BLANK },
      Port: {
        anyOf: [
          { type: 'integer', minimum: 1, maximum: 65535 },
          { type: 'string', pattern: PORT_STRING },
        ],
      },
      Weight: {
        anyOf: [
          { type: 'integer', minimum: 0, maximum: 100 },
          { type: 'string', pattern: WEIGHT_STRING },
        ],
      },
      ServerType: { enum: ['Master', 'Slave', ''] },
      Type: { enum: ['ecs', 'eni', 'eci', ''] },
      Description: { type: 'string' },
      ServerIp: { type: 'string' },
    },
  },
  contains: isMaster,
  minContains: 1,
  maxContains: 1,
  allOf: [{ contains: isSlave, minContains: 1, maxContains: 1 }],
};

export const requestSchema = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  type: 'object',
  required: ['RegionId', 'LoadBalancerId'],
  properties: {
    RegionId: { type: 'string', minLength: 1 },
    LoadBalancerId: { type: 'string', minLength: 1 },
    MasterSlaveBackendServers: { type: 'string', maxLength: 65536 },
    MasterSlaveServerGroupName: { type: 'string' },
  },
  additionalProperties: false,
};
