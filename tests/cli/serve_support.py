"""Helpers for tests/cli/test_serve.py: start `kneecoach serve` on a free port, make requests,
and check replies against api/openapi.yaml (OpenAPI 3.0, `nullable` mapped to JSON Schema)."""
import copy
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import time

import jsonschema
import yaml

from kctest import BIN, CONTENT, REPO

OPENAPI = os.path.join(REPO, "api", "openapi.yaml")


def stub_web(folder):
    """Makes folder/web holding only a placeholder index.html (for tests that need no web app)
    and returns its path."""
    web = os.path.join(folder, "web")
    os.makedirs(web, exist_ok=True)
    with open(os.path.join(web, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!doctype html><title>kneecoach</title>")
    return web


def stop_and_remove(server, folder, sig):
    """Stops the server with signal `sig`, removes the test's temporary folder, and returns the
    server's standard output; raises unless the server exited 0."""
    code, out, _ = server.stop(sig)
    shutil.rmtree(folder, ignore_errors=True)
    assert code == 0, f"exit {code} after {sig.name}"
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running `kneecoach serve` with its own data folder."""

    def __init__(self, data_dir, web_dir, fake_time="2025-03-03T08:00:00Z", extra=()):
        self.port = free_port()
        env = dict(os.environ)
        env.pop("KNEECOACH_CONTENT", None)
        env["KNEECOACH_FAKE_TIME"] = fake_time
        self.proc = subprocess.Popen(
            [BIN, "--content", CONTENT, "serve", "--port", str(self.port), "--data-dir", data_dir, "--web", web_dir,
             *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.banner = self.proc.stdout.readline()
        if "serving on" not in self.banner:
            self.proc.kill()
            out, err = self.proc.communicate(timeout=10)
            raise AssertionError(f"the server did not start: {self.banner}{out}{err}")
        # The session cookie, as the app's page receives it (docs/security.md).
        _, headers, _ = self.request("GET", "/", cookie=False)
        self.cookie = headers["set-cookie"].split(";")[0]
        assert self.cookie.startswith(f"kneecoach_{self.port}="), self.cookie

    def request(self, method, path, body=None, headers=None, raw=None, cookie=True):
        """(status, headers dict (lower-case names), body bytes). `body` objects are sent as JSON;
        the session cookie goes along unless `cookie` is false or `headers` has its own."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        hdrs = dict(headers or {})
        if cookie and "Cookie" not in hdrs:
            hdrs["Cookie"] = self.cookie
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        payload = resp.read()
        result = resp.status, {k.lower(): v for k, v in resp.getheaders()}, payload
        conn.close()
        return result

    def stop(self, sig):
        self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        return self.proc.returncode, out, err


def _openapi_to_jsonschema(node):
    """Maps OpenAPI 3.0 `nullable: true` to JSON Schema (type lists / anyOf with null)."""
    if isinstance(node, list):
        return [_openapi_to_jsonschema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _openapi_to_jsonschema(v) for k, v in node.items()}
    if out.pop("nullable", False):
        if "type" in out and "$ref" not in out and "allOf" not in out:
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = out["enum"] + [None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


class Contract:
    """Checks replies against the OpenAPI document and remembers which operations were seen."""

    def __init__(self):
        with open(OPENAPI, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        self.schema_doc = _openapi_to_jsonschema(copy.deepcopy(self.doc))
        self.resolver = jsonschema.RefResolver("", self.schema_doc)
        self.routes = []
        for template, item in self.doc["paths"].items():
            pattern = "^" + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$"
            for method in ("get", "post", "put", "delete", "patch"):
                if method in item:
                    self.routes.append((re.compile(pattern), template, method.upper(), item[method]))
        self.seen = set()

    def operations(self):
        return {(m, t) for _, t, m, _ in self.routes}

    def check(self, method, path, status, headers, body):
        """Fails unless (method, path) is documented with `status` and the body fits its schema."""
        bare = path.split("?")[0]
        for pattern, template, m, op in self.routes:
            if m == method and pattern.match(bare):
                break
        else:
            raise AssertionError(f"{method} {bare} is not in api/openapi.yaml")
        responses = op["responses"]
        if str(status) not in responses:
            raise AssertionError(f"{method} {template}: status {status} is not documented ({body[:300]!r})")
        self.seen.add((method, template))
        response = responses[str(status)]
        if "$ref" in response:
            response = self.doc["components"]["responses"][response["$ref"].split("/")[-1]]
        content = response.get("content", {})
        media = headers.get("content-type", "").split(";")[0].strip()
        if media not in content:
            raise AssertionError(f"{method} {template} {status}: content type {media} is not documented")
        if media == "application/json":
            schema = self.schema_doc_for(content[media]["schema"])
            jsonschema.validate(json.loads(body), schema, resolver=self.resolver)

    def schema_doc_for(self, schema):
        return _openapi_to_jsonschema(copy.deepcopy(schema))
