import hashlib
import uuid
import zlib


def dedupe_key(record: dict) -> str:
    raw = "|".join(str(record[k]) for k in sorted(record))
    return hashlib.sha1(raw.encode()).hexdigest()


def shard_for(user_id: str, shards: int) -> int:
    return zlib.crc32(user_id.encode()) % shards


def stable_uuid(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, name)


def password_digest(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode()).hexdigest()
