"""Worker configuration: environment variables (FLASHPOINT_*) over an optional YAML file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from alerts.monitor import MonitorConfig


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLASHPOINT_", frozen=True, extra="ignore")

    broker: str | None = Field(None, description="kafka://host:9092[;host2:9092]; unset = start the embedded broker")
    topic_prefix: str = Field("flashpoint.", description="prefix of every topic name")
    partitions: int = Field(2, ge=1, description="partitions of the articles and events topics")
    app_id: str = Field("flashpoint", description="Faust app id = consumer group id")
    data_dir: Path = Field(Path(".flashpoint-data"), description="Faust's local table state")
    web_bind: str = Field("127.0.0.1", description="the worker's HTTP bind address (serves /metrics)")
    web_port: int = Field(6066, ge=0, le=65535, description="the worker's HTTP port; 0 = any free port")
    webhook_urls: str = Field("", description="comma-separated webhook endpoints")
    webhook_secret: SecretStr | None = Field(None, description="Standard Webhooks secret, whsec_…")
    webhook_secret_file: Path | None = Field(None, description="file holding the webhook secret")
    webhooks: list[dict[str, Any]] = Field(default_factory=list, description="per-endpoint settings (YAML only)")
    max_article_bytes: int = Field(1_000_000, ge=1024, description="larger messages are dead-lettered")
    extract_processes: int = Field(0, ge=0, description="spaCy worker processes; 0 = one per core")
    extract_batch: int = Field(32, ge=1, description="articles handed to the extractor at once")
    fetch_max_wait_ms: int = Field(100, ge=1, le=1500, description="longest a consumer fetch may wait for data (latency)")
    broker_wait_s: float = Field(15.0, gt=0, description="how long to wait for a broker at start")
    broker_lost_exit_s: float = Field(60.0, gt=0, description="exit when the broker stays away this long")
    bucket_hours: int = Field(
        6, description="detector bucket length in hours; shorter alerts sooner on more alerts (see alerts/evaluation.py)")
    dedupe_window: int = Field(100_000, ge=0, description="how many recent article ids are remembered for dedupe")
    kafka_security_protocol: str = Field("PLAINTEXT", description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")
    kafka_sasl_mechanism: str | None = Field(None, description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512")
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None
    log_level: str = Field("info", description="debug, info, warning, error")

    @field_validator("bucket_hours")
    @classmethod
    def _whole_buckets_per_day(cls, v: int) -> int:
        if v not in (1, 2, 3, 6, 12, 24):
            raise ValueError("bucket_hours must divide a day: 1, 2, 3, 6, 12 or 24")
        return v

    @field_validator("broker")
    @classmethod
    def _broker_url(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not v.startswith(("kafka://", "aiokafka://")):
            v = f"kafka://{v}"
        return v

    def monitor_config(self) -> MonitorConfig:
        """The detectors' configuration: the same for the worker and for `backtest`."""
        return MonitorConfig(bucket_seconds=self.bucket_hours * 3600)

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def webhook_secret_value(self) -> str | None:
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        if self.webhook_secret_file is not None:
            return self.webhook_secret_file.read_text().strip()
        return None

    @property
    def bootstrap_servers(self) -> str:
        """host:port[,host:port] for non-Faust clients (kafka-python, confluent-kafka)."""
        assert self.broker is not None
        return bootstrap_of(self.broker)

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):
        return (init_settings, env_settings, _YamlSource(settings_cls))


class _YamlSource(PydanticBaseSettingsSource):
    """FLASHPOINT_CONFIG=path.yaml: keys are the setting names without the prefix."""

    def get_field_value(self, field, field_name):  # pragma: no cover - unused by __call__
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = os.environ.get("FLASHPOINT_CONFIG")
        if not path:
            return {}
        data = yaml.safe_load(Path(path).read_text()) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of settings")
        return data


def bootstrap_of(url: str) -> str:
    """`kafka://a:9092;b:9092` → `a:9092,b:9092`, the form plain Kafka clients take."""
    return url.split("://", 1)[1].replace(";", ",")


def load_settings(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
