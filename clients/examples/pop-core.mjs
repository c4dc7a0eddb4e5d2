import Core from '@alicloud/pop-core';

const client = new Core.RPCClient({
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  endpoint: process.env.SLB_ENDPOINT ?? 'http://127.0.0.1:8090', // the emulator
  apiVersion: '2014-05-15',
});
const result = await client.request('CreateMasterSlaveServerGroup', {
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: JSON.stringify([
    { ServerId: 'i-bp1aaaaaaaaaaaaaaaaa', Port: '80', ServerType: 'Master' },
    { ServerId: 'i-bp1bbbbbbbbbbbbbbbbb', Port: '80', ServerType: 'Slave' },
  ]),
}, { method: 'POST' });
console.log(result.MasterSlaveServerGroupId);
