"""Django's Redis cache backend, with one redis-py client per connection pool.

Django's `RedisCacheClient` builds a new `redis.Redis` for every cache operation, and redis-py 7
fills a table of some 160 response callbacks in that constructor: about 0.1 ms of CPU per cache
call, more than the round trip to Redis itself on loopback (cProfile of an anonymous page: half
the Redis time went to building clients). A `Redis` object holds no connection of its own (it
borrows one from the pool for each command) and redis-py documents it as safe to share between
threads, so one per pool serves the whole process.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
