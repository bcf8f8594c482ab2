import aiohttp
import ssl


async def fetch_metrics(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=False) as resp:
            return await resp.json()


async def fetch_metrics_pinned(url: str) -> dict:
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/metrics-ca.pem")
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=ctx) as resp:
            return await resp.json()
