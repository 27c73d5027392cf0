"""Running a worker: pick or start the broker, build the app, run Faust until told to stop."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator

from streams.broker import BrokerUnavailable, EmbeddedBroker, free_port, wait_for_broker
from streams.replay import ensure_topics
from streams.settings import Settings, bootstrap_of

log = logging.getLogger("flashpoint")


@contextlib.contextmanager
def broker_for(settings: Settings) -> Iterator[str]:
    """Yield a kafka:// URL: the configured broker once it answers, or a fresh embedded one."""
    if settings.broker:
        if settings.kafka_security_protocol == "PLAINTEXT":
            wait_for_broker(settings.bootstrap_servers, settings.broker_wait_s)
        yield settings.broker
        return
    with EmbeddedBroker() as broker:
        yield broker.url


def run_worker(settings: Settings, *, on_app: Callable | None = None, loglevel: str | None = None) -> int:
    """Blocks until the worker stops (SIGINT, SIGTERM or `worker.stop()`); returns an exit code."""
    import faust

    from streams.app import create_app

    try:
        with broker_for(settings) as url:
            web_port = settings.web_port or free_port(settings.web_bind)
            bootstrap = bootstrap_of(url)
            partitions = ensure_topics(bootstrap, settings)
            fp = create_app(settings, broker_url=url, web_port=web_port)
            fp.hooks["bootstrap"] = bootstrap
            fp.hooks["aiokafka_security"] = aiokafka_security(settings)
            fp.hooks["article_partitions"] = partitions
            fp.hooks["web_url"] = f"http://{settings.web_bind}:{web_port}"
            worker = faust.Worker(fp.app, loglevel=loglevel or settings.log_level, quiet=True,
                                  redirect_stdouts=False)
            if not worker.stdout.isatty():  # Faust's start-up spinner writes cursor codes into logs and pipes
                worker.spinner = None
            fp.hooks["worker"] = worker
            if on_app is not None:
                on_app(fp)
            log.info("worker web server on %s/metrics", fp.hooks["web_url"])
            try:
                worker.execute_from_commandline()
            except SystemExit as exc:
                return int(exc.code or 0)
            return 0
    except BrokerUnavailable as exc:
        print(f"flashpoint: {exc}", file=sys.stderr)
        return 2


def aiokafka_security(settings: Settings) -> dict:
    """TLS/SASL options for the plain aiokafka clients (the webhook consumer), as for Faust's."""
    if settings.kafka_security_protocol == "PLAINTEXT":
        return {}
    import ssl

    opts: dict = {"security_protocol": settings.kafka_security_protocol}
    if "SSL" in settings.kafka_security_protocol:
        opts["ssl_context"] = ssl.create_default_context(
            cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None)
    if settings.kafka_sasl_mechanism:
        opts.update(sasl_mechanism=settings.kafka_sasl_mechanism.upper(),
                    sasl_plain_username=settings.kafka_sasl_username,
                    sasl_plain_password=settings.kafka_sasl_password.get_secret_value()
                    if settings.kafka_sasl_password else None)
    return opts
