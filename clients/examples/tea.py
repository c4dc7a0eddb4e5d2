import json
import os
from urllib.parse import urlsplit

from alibabacloud_slb20140515 import models
from alibabacloud_slb20140515.client import Client
from alibabacloud_tea_openapi.models import Config

endpoint = urlsplit(os.environ.get("SLB_ENDPOINT", "http://127.0.0.1:8090"))  # the emulator
client = Client(Config(
    access_key_id="testid",
    access_key_secret="testsecret",
    endpoint=endpoint.netloc,  # host:port, no scheme
    protocol="http",
))
response = client.create_master_slave_server_group(models.CreateMasterSlaveServerGroupRequest(
    region_id="cn-hangzhou",
    load_balancer_id="lb-bp1hv944r69al4j9jkmvx",
    master_slave_backend_servers=json.dumps([
        {"ServerId": "i-bp1aaaaaaaaaaaaaaaaa", "Port": "80", "ServerType": "Master"},
        {"ServerId": "i-bp1bbbbbbbbbbbbbbbbb", "Port": "80", "ServerType": "Slave"},
    ]),
))
print(response.body.master_slave_server_group_id)
