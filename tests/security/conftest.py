"""Security tests: the loopback server for fetch and poll tests."""

from tests.conftest_http import Reply, loopback_fixture  # noqa: F401 - provides `loopback`
