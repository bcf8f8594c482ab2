"""The official anthropic SDK against the real airlock binary (fake upstream behind it)."""

import anthropic
import pytest

from conftest import AWS_KEY, EMAIL

THINKING_HISTORY = [
    {"role": "user", "content": "first"},
    {
        "role": "assistant",
        "content": [
            {"type": "thinking", "thinking": "Reasoning \u00e9t\u00e9.", "signature": "RXN0aGVyIHNpZ25hdHVyZQ=="},
            {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"},
            {"type": "text", "text": "ok"},
        ],
    },
]


def test_message_with_system_blocks_thinking_and_tools(anthropic_client):
    r = anthropic_client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=256,
        system=[{"type": "text", "text": "You code.", "cache_control": {"type": "ephemeral"}}],
        thinking={"type": "enabled", "budget_tokens": 1024},
        tools=[{"name": "send", "description": "send mail", "input_schema": {"type": "object"}}],
        messages=THINKING_HISTORY + [{"role": "user", "content": f"write to {EMAIL}"}],
        extra_headers={"anthropic-beta": "interleaved-thinking-2025-05-14"},
    )
    kinds = [b.type for b in r.content]
    assert kinds == ["thinking", "text", "tool_use"]
    assert r.content[0].thinking == "Let me think about [[EMAIL_00000000]]."
    assert r.content[1].text == f"You said: write to {EMAIL}"
    assert r.content[2].input == {"to": f"write to {EMAIL}"}
    assert r.usage.input_tokens == 12


def test_streamed_message_events(anthropic_client):
    with anthropic_client.messages.stream(
        model="claude-sonnet-4-5",
        max_tokens=256,
        thinking={"type": "enabled", "budget_tokens": 1024},
        tools=[{"name": "send", "description": "send mail", "input_schema": {"type": "object"}}],
        messages=[{"role": "user", "content": f"stream to {EMAIL}"}],
    ) as s:
        text = "".join(s.text_stream)
        final = s.get_final_message()
    assert text == f"You said: stream to {EMAIL}"
    assert final.stop_reason == "tool_use"
    tool = [b for b in final.content if b.type == "tool_use"][0]
    assert tool.input == {"to": f"stream to {EMAIL}"}
    thinking = [b for b in final.content if b.type == "thinking"][0]
    assert thinking.signature == "c2lnbmF0dXJl"


def test_count_tokens(anthropic_client):
    r = anthropic_client.messages.count_tokens(
        model="claude-sonnet-4-5", messages=[{"role": "user", "content": f"hi {EMAIL}"}]
    )
    assert r.input_tokens == 42


def test_blocked_request_raises_permission_denied(anthropic_client):
    with pytest.raises(anthropic.PermissionDeniedError) as e:
        anthropic_client.messages.create(
            model="claude-sonnet-4-5",
            max_tokens=10,
            messages=[{"role": "user", "content": f"AWS_ACCESS_KEY_ID={AWS_KEY}"}],
        )
    assert e.value.status_code == 403
    assert e.value.body["error"]["type"] == "permission_error"
    assert "credential" in e.value.message
    assert AWS_KEY not in str(e.value.body)


def test_upstream_cut_mid_stream_raises(anthropic_client):
    with pytest.raises(anthropic.APIStatusError):
        with anthropic_client.messages.stream(
            model="claude-cut", max_tokens=10, messages=[{"role": "user", "content": "a message long enough to cut"}]
        ) as s:
            for _ in s:
                pass
