# The Flashpoint worker image (docker-compose.yml builds it as the `worker` service).
#   docker build -t flashpoint .
#   docker run --rm -e FLASHPOINT_BROKER=kafka://kafka:9092 -e FLASHPOINT_WEB_BIND=0.0.0.0 flashpoint run
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, from the project metadata alone, so code edits do not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p extractors alerts streams \
 && touch extractors/__init__.py alerts/__init__.py streams/__init__.py \
 && pip install . \
 && pip uninstall -y flashpoint \
 && rm -rf extractors alerts streams build *.egg-info

# The code and the bundled sample. Editable install: `flashpoint demo`/`replay` find
# samples/sample_stream.jsonl beside the packages, as in a checkout.
COPY extractors ./extractors
COPY alerts ./alerts
COPY streams ./streams
COPY samples ./samples
RUN pip install --no-deps -e . \
 && useradd --system --uid 10001 --home-dir /var/lib/flashpoint --create-home flashpoint

USER flashpoint
# Faust's local table state; each replica keeps its own and recovers it from the changelog topics.
ENV FLASHPOINT_DATA_DIR=/var/lib/flashpoint/data \
    FLASHPOINT_WEB_BIND=0.0.0.0 \
    FLASHPOINT_WEB_PORT=6066
EXPOSE 6066

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:6066/metrics', timeout=4)"

STOPSIGNAL SIGTERM
ENTRYPOINT ["flashpoint"]
CMD ["run"]
