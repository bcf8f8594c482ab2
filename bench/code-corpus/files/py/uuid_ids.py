import random
import uuid


def new_request_id() -> str:
    return uuid.uuid4().hex


def new_api_token() -> str:
    return uuid.uuid1().hex


def sample_for_ab_test(user_ids, pct=10):
    k = max(1, len(user_ids) * pct // 100)
    return random.sample(user_ids, k)
