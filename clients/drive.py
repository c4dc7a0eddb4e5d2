"""Drives one official Python client against a base URL and prints one JSON line: what the
client returned or raised, in the client's own terms.

    python clients/drive.py <sdk-core-python|tea-python> <base-url> <id> <secret> <scenario>

Scenarios as in drive.mjs. Setting the nonce and the timestamp: the Tea SDK takes them as
headers (RuntimeOptions.extends_parameters); aliyun-python-sdk-core offers no way, so the driver
replaces its two helper functions (parameter_helper.get_uuid and get_iso_8061_date) for the call.
"""

import datetime
import json
import os
import sys
import uuid
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "scenarios.json"), encoding="utf-8") as f:
    SCENARIOS = json.load(f)


def request_of(scenario):
    s = SCENARIOS.get(scenario) or SCENARIOS["valid"]
    return s


def iso_seconds(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def success(body, status=None):
    if isinstance(body, (bytes, str)):
        body = json.loads(body)
    items = (body.get("MasterSlaveBackendServers") or {}).get("MasterSlaveBackendServer") or []
    return {
        "ok": True,
        "status": status,
        "groupId": body.get("MasterSlaveServerGroupId"),
        "requestId": body.get("RequestId"),
        "servers": [
            {
                "serverId": s.get("ServerId"),
                "port": s.get("Port"),
                "weight": s.get("Weight"),
                "serverType": s.get("ServerType"),
                "description": s.get("Description"),
            }
            for s in items
        ],
    }


def call_sdk_core(base_url, key_id, secret, s, nonce=None, timestamp=None):
    from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkcore.utils import parameter_helper
    from aliyunsdkslb.request.v20140515.CreateMasterSlaveServerGroupRequest import (
        CreateMasterSlaveServerGroupRequest,
    )

    url = urlsplit(base_url)
    client = AcsClient(key_id, secret, s["RegionId"], port=url.port)
    req = CreateMasterSlaveServerGroupRequest()
    req.set_endpoint(url.hostname)
    req.set_protocol_type("http")
    req.set_LoadBalancerId(s["LoadBalancerId"])
    req.set_MasterSlaveServerGroupName(s["MasterSlaveServerGroupName"])
    req.set_MasterSlaveBackendServers(json.dumps(s["servers"], ensure_ascii=False))
    saved = (parameter_helper.get_uuid, parameter_helper.get_iso_8061_date)
    if nonce:
        parameter_helper.get_uuid = lambda: nonce
    if timestamp:
        parameter_helper.get_iso_8061_date = lambda: timestamp
    try:
        body = client.do_action_with_exception(req)
        return success(body)
    except ServerException as e:
        return {
            "ok": False,
            "errorType": type(e).__name__,
            "code": e.get_error_code(),
            "status": e.get_http_status(),
            "message": e.get_error_msg(),
            "requestId": e.get_request_id(),
        }
    except ClientException as e:
        return {
            "ok": False,
            "errorType": type(e).__name__,
            "code": e.get_error_code(),
            "status": None,
            "message": e.get_error_msg(),
            "requestId": None,
        }
    finally:
        parameter_helper.get_uuid, parameter_helper.get_iso_8061_date = saved


def call_tea(base_url, key_id, secret, s, nonce=None, timestamp=None):
    from alibabacloud_slb20140515 import models as slb_models
    from alibabacloud_slb20140515.client import Client
    from alibabacloud_tea_openapi import models as open_api_models
    from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
    from darabonba.runtime import ExtendsParameters, RuntimeOptions

    url = urlsplit(base_url)
    client = Client(
        open_api_models.Config(
            access_key_id=key_id,
            access_key_secret=secret,
            endpoint=url.netloc,
            protocol="http",
        )
    )
    req = slb_models.CreateMasterSlaveServerGroupRequest(
        region_id=s["RegionId"],
        load_balancer_id=s["LoadBalancerId"],
        master_slave_server_group_name=s["MasterSlaveServerGroupName"],
        master_slave_backend_servers=json.dumps(s["servers"], ensure_ascii=False),
    )
    headers = {}
    if nonce:
        headers["x-acs-signature-nonce"] = nonce
    if timestamp:
        headers["x-acs-date"] = timestamp
    runtime = RuntimeOptions(extends_parameters=ExtendsParameters(headers=headers))
    try:
        resp = client.create_master_slave_server_group_with_options(req, runtime)
    except AlibabaCloudException as e:
        return {
            "ok": False,
            "errorType": type(e).__name__,
            "code": e.code,
            "status": e.status_code,
            "message": e.message,
            "requestId": e.request_id,
        }
    # The response model, not the raw body: this is what users of the Tea SDK read.
    body = resp.body
    items = body.master_slave_backend_servers.master_slave_backend_server
    return {
        "ok": True,
        "status": resp.status_code,
        "groupId": body.master_slave_server_group_id,
        "requestId": body.request_id,
        "servers": [
            {
                "serverId": i.server_id,
                "port": i.port,
                "weight": i.weight,
                "serverType": i.server_type,
                "description": i.description,
            }
            for i in items
        ],
    }


def call(mode, base_url, key_id, secret, s, **kw):
    if mode == "sdk-core-python":
        return call_sdk_core(base_url, key_id, secret, s, **kw)
    if mode == "tea-python":
        return call_tea(base_url, key_id, secret, s, **kw)
    raise SystemExit(f"unknown mode {mode}")


def drive(mode, base_url, key_id, secret, scenario):
    s = request_of(scenario)
    if scenario == "wrong-secret":
        return call(mode, base_url, key_id, secret + "x", s)
    if scenario == "unknown-id":
        return call(mode, base_url, "unknown-" + key_id, secret, s)
    if scenario == "nonce-reuse":
        nonce = "reused-%s-%s" % (mode, uuid.uuid4().hex)
        first = call(mode, base_url, key_id, secret, s, nonce=nonce)
        second = call(mode, base_url, key_id, secret, s, nonce=nonce)
        return dict(second, first=first)
    if scenario == "expired":
        old = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
        return call(mode, base_url, key_id, secret, s, timestamp=iso_seconds(old))
    return call(mode, base_url, key_id, secret, s)


def main():
    if len(sys.argv) != 6:
        print("usage: drive.py <mode> <base-url> <id> <secret> <scenario>", file=sys.stderr)
        sys.exit(2)
    mode, base_url, key_id, secret, scenario = sys.argv[1:]
    out = drive(mode, base_url, key_id, secret, scenario)
    print(json.dumps(dict({"mode": mode, "scenario": scenario}, **out), ensure_ascii=False))


if __name__ == "__main__":
    main()
