import json
import os

import yaml


def load_settings(path: str) -> dict:
    with open(path) as f:
        if path.endswith((".yml", ".yaml")):
            return yaml.load(f, Loader=yaml.SafeLoader)
        return json.load(f)


def load_env_overrides() -> dict:
    raw = os.environ.get("APP_OVERRIDES", "{}")
    return json.loads(raw)
