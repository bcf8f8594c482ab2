"""The official openai SDK against the real airlock binary (fake upstream behind it)."""

import json

import openai
import pytest

from conftest import AWS_KEY, EMAIL, GATEWAY


def test_chat_completion_is_restored(openai_client):
    r = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"mail {EMAIL}"}],
    )
    assert r.choices[0].message.content == f"You said: mail {EMAIL}"
    assert r.usage.prompt_tokens == 11


def test_streamed_chat_with_tool_call(openai_client):
    stream = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        stream=True,
        tools=[{"type": "function", "function": {"name": "send", "parameters": {"type": "object"}}}],
        messages=[{"role": "user", "content": f"to {EMAIL}"}],
    )
    text, args, finish = "", "", None
    for chunk in stream:
        if not chunk.choices:
            continue
        d = chunk.choices[0].delta
        text += d.content or ""
        for call in d.tool_calls or []:
            args += call.function.arguments or ""
        finish = chunk.choices[0].finish_reason or finish
    assert text == f"You said: to {EMAIL}"
    assert json.loads(args) == {"to": f"to {EMAIL}"}
    assert finish == "tool_calls"


def test_stream_helper_accumulates(openai_client):
    with openai_client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": f"hello {EMAIL}"}]
    ) as s:
        final = s.get_final_completion()
    assert final.choices[0].message.content == f"You said: hello {EMAIL}"


def test_blocked_request_raises_permission_denied(openai_client):
    with pytest.raises(openai.PermissionDeniedError) as e:
        openai_client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": f"key {AWS_KEY}"}]
        )
    assert e.value.status_code == 403
    assert e.value.code == "airlock_blocked"
    assert "credential" in e.value.message and "messages[0].content" in e.value.message
    assert AWS_KEY not in str(e.value.body)


def test_wrong_key_raises_authentication_error():
    client = openai.OpenAI(base_url=f"{GATEWAY}/v1", api_key="sk-test-FAKEFAKEWRONG", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])


def test_responses_api_whole_and_streamed(openai_client):
    r = openai_client.responses.create(model="gpt-5-codex", instructions="Be brief.", input=f"hi {EMAIL}")
    assert r.output_text == f"You said: hi {EMAIL}"
    deltas = ""
    with openai_client.responses.stream(model="gpt-5-codex", input=f"hi {EMAIL}") as s:
        for ev in s:
            if ev.type == "response.output_text.delta":
                deltas += ev.delta
        final = s.get_final_response()
    assert deltas == f"You said: hi {EMAIL}"
    assert final.output_text == f"You said: hi {EMAIL}"


def test_legacy_completions_embeddings_and_models(openai_client):
    r = openai_client.completions.create(model="gpt-3.5-turbo-instruct", prompt=f"x {EMAIL}")
    assert r.choices[0].text == f"You said: x {EMAIL}"
    e = openai_client.embeddings.create(model="text-embedding-3-small", input="plain words")
    assert e.data[0].embedding == [0.1, 0.2, 0.3]
    ids = [m.id for m in openai_client.models.list()]
    assert "gpt-4o-mini" in ids


def test_upstream_cut_mid_stream_raises(openai_client):
    stream = openai_client.chat.completions.create(
        model="gpt-cut", stream=True, messages=[{"role": "user", "content": "a message long enough to cut"}]
    )
    with pytest.raises(openai.APIError) as e:
        for _ in stream:
            pass
    assert "upstream" in str(e.value)
