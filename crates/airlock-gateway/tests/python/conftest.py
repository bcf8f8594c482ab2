"""Shared settings for the SDK tests: where run.sh started the gateway, and its key."""

import os

import pytest

GATEWAY = os.environ["AIRLOCK_TEST_GATEWAY"]
KEY = os.environ["AIRLOCK_TEST_KEY"]
# Personal data (box 2): redacted on the way out, restored in the answer.
EMAIL = "jane.doe@airlock-fixture.dev"
# An AWS access key id in the rules' synthetic fixture style (box 3): blocked.
AWS_KEY = "AKIA2AIRLOCKTEST7QZX"


@pytest.fixture
def openai_client():
    from openai import OpenAI

    return OpenAI(base_url=f"{GATEWAY}/v1", api_key=KEY, max_retries=0)


@pytest.fixture
def anthropic_client():
    from anthropic import Anthropic

    return Anthropic(base_url=GATEWAY, api_key=KEY, max_retries=0)
