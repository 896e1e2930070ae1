"""schemathesis against the OpenAPI document: generated requests never get a 5xx, and every
error answers in the one JSON shape. Bounded: 30 examples per operation (well under 2 minutes)."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = 30


def test_no_generated_request_gets_a_server_error(app: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls: list[int] = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call()
            calls.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                body = response.json()
                assert body["ok"] is False and body["status"] == response.status_code, body
                assert isinstance(body["error"], str) and isinstance(body["errors"], list)

        check()
    assert len(calls) >= 5 * len(operations)  # requests were really generated and sent
