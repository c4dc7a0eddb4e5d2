import OpenApi from '@alicloud/openapi-client';
import Util from '@alicloud/tea-util';

const endpoint = new URL(process.env.SLB_ENDPOINT ?? 'http://127.0.0.1:8090'); // the emulator
const client = new OpenApi.default(new OpenApi.Config({
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  endpoint: endpoint.host, // host:port, no scheme
  protocol: 'http',
}));
const params = new OpenApi.Params({
  action: 'CreateMasterSlaveServerGroup', version: '2014-05-15', protocol: 'HTTPS',
  pathname: '/', method: 'POST', authType: 'AK', style: 'RPC',
  reqBodyType: 'formData', bodyType: 'json',
});
const request = new OpenApi.OpenApiRequest({ query: {
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: JSON.stringify([
    { ServerId: 'i-bp1aaaaaaaaaaaaaaaaa', Port: '80', ServerType: 'Master' },
    { ServerId: 'i-bp1bbbbbbbbbbbbbbbbb', Port: '80', ServerType: 'Slave' },
  ]),
} });
const result = await client.callApi(params, request, new Util.RuntimeOptions({}));
console.log(result.body.MasterSlaveServerGroupId);
