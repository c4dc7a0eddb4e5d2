import json
import os
from urllib.parse import urlsplit

from aliyunsdkcore.client import AcsClient
from aliyunsdkslb.request.v20140515.CreateMasterSlaveServerGroupRequest import (
    CreateMasterSlaveServerGroupRequest,
)

endpoint = urlsplit(os.environ.get("SLB_ENDPOINT", "http://127.0.0.1:8090"))  # the emulator
client = AcsClient("testid", "testsecret", "cn-hangzhou", port=endpoint.port)
request = CreateMasterSlaveServerGroupRequest()
request.set_endpoint(endpoint.hostname)
request.set_protocol_type("http")
request.set_LoadBalancerId("lb-bp1hv944r69al4j9jkmvx")
request.set_MasterSlaveBackendServers(json.dumps([
    {"ServerId": "i-bp1aaaaaaaaaaaaaaaaa", "Port": "80", "ServerType": "Master"},
    {"ServerId": "i-bp1bbbbbbbbbbbbbbbbb", "Port": "80", "ServerType": "Slave"},
]))
body = json.loads(client.do_action_with_exception(request))
print(body["MasterSlaveServerGroupId"])
