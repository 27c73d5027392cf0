"""`flashpoint`: the command line of DESIGN.md. Each subcommand's work lives in its own module."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample_stream.jsonl"


def _settings(args: argparse.Namespace):
    from streams.settings import load_settings

    return load_settings(broker=getattr(args, "broker", None))


def _progress(total: int | None, description: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from rich.console import Console

    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=False, disable=not sys.stderr.isatty() and total is None)


def cmd_run(args) -> int:
    from streams.worker import run_worker

    return run_worker(_settings(args))


def cmd_demo(args) -> int:
    from streams.demo import run_demo

    return run_demo(_settings(args), sample=Path(args.sample), keep_running=args.keep_running, rate=args.rate)


def cmd_replay(args) -> int:
    from streams.broker import BrokerUnavailable, wait_for_broker
    from streams.replay import ensure_topics, replay_file

    settings = _settings(args)
    if not settings.broker:
        print("flashpoint replay: set FLASHPOINT_BROKER (or --broker) to the worker's broker", file=sys.stderr)
        return 2
    try:
        wait_for_broker(settings.bootstrap_servers, settings.broker_wait_s)
    except BrokerUnavailable as exc:
        print(f"flashpoint replay: {exc}", file=sys.stderr)
        return 2
    ensure_topics(settings.bootstrap_servers, settings)
    total = None if args.file == "-" else sum(1 for line in open(args.file, "rb") if line.strip())
    with _progress(total, f"replay → {settings.topic('articles')}") as progress:
        task = progress.add_task("replay", total=total)
        sent = replay_file(args.file, settings.bootstrap_servers, settings, rate=args.rate,
                           progress=lambda n: progress.advance(task, n))
    print(f"produced {sent} messages to {settings.topic('articles')}", file=sys.stderr)
    return 0


def cmd_tail(args) -> int:
    from streams.tail import tail

    settings = _settings(args)
    if not settings.broker:
        print("flashpoint tail: set FLASHPOINT_BROKER (or --broker)", file=sys.stderr)
        return 2
    return tail(settings, args.topic, from_beginning=args.from_beginning, as_json=args.json,
                max_messages=args.max, idle_timeout_s=args.idle_timeout)


def cmd_extract(args) -> int:
    from streams.offline import extract_file

    extract_file(args.file, sys.stdout.buffer)
    sys.stdout.flush()
    return 0


def cmd_backtest(args) -> int:
    import orjson

    from alerts.monitor import Monitor
    from streams.offline import backtest, valid_articles
    from streams.settings import load_settings

    articles = list(valid_articles(args.file, errors=sys.stderr))
    monitor = Monitor(load_settings().monitor_config(), trace_keys=frozenset([args.scope]) if args.scope else frozenset())
    out = open(args.out, "wb") if args.out else sys.stdout.buffer
    alerts = []
    with _progress(len(articles), "backtest") as progress:
        task = progress.add_task("backtest", total=len(articles))
        for alert in backtest(articles, monitor=monitor, progress=lambda n: progress.advance(task, n)):
            alerts.append(alert)
            out.write(orjson.dumps(alert.to_cloudevent()) + b"\n")
            out.flush()
    if args.out:
        out.close()
    print(f"{len(articles)} articles → {len(alerts)} alerts", file=sys.stderr)
    if args.plot:
        from alerts.plot import plot_backtest

        plot_backtest(monitor, alerts, args.scope, args.plot)
        print(f"plot written to {args.plot}", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    import orjson

    from extractors.evaluate import evaluate_files, format_report

    report = evaluate_files([Path(p) for p in args.files])
    if args.json:
        print(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        print(format_report(report))
    return 0


def cmd_evaluate_detectors(args) -> int:
    import orjson

    from alerts.evaluation import evaluate_detectors, format_table

    report = evaluate_detectors(seed=args.seed, quick=args.quick)
    print(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() if args.json else format_table(report))
    return 0


def cmd_bench(args) -> int:
    from streams.bench import run_bench, run_soak

    if args.soak:
        return run_soak(input_path=args.input, limit=args.limit, n=args.soak, as_json=args.json)
    return run_bench(input_path=args.input, limit=args.limit, as_json=args.json, rate=args.rate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flashpoint", description=(
        "Flashpoint: spikes in hostility and ceasefire talk between countries, live from a Kafka stream of news. "
        "Configuration: FLASHPOINT_* environment variables or a YAML file named by FLASHPOINT_CONFIG."))
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("demo", cmd_demo, "Start the embedded broker and a worker, replay the bundled sample fast, print alerts as they fire.")
    p.add_argument("--sample", default=str(SAMPLE), help="articles JSONL to replay (default: the bundled sample)")
    p.add_argument("--rate", type=float, default=0.0, help="articles per second to replay (default: as fast as possible)")
    p.add_argument("--keep-running", action="store_true", help="keep the worker and /metrics up after the replay; Ctrl-C stops")
    p.add_argument("--broker", help="use this Kafka broker instead of the embedded one (kafka://host:9092)")

    p = add("run", cmd_run, "Run a worker. With no broker configured it starts the embedded broker.")
    p.add_argument("--broker", help="Kafka bootstrap, e.g. kafka://localhost:9092 (default: $FLASHPOINT_BROKER or embedded)")

    p = add("replay", cmd_replay, "Produce articles (JSONL) to the articles topic, keyed by id, timestamped by published_at.")
    p.add_argument("file", help="articles JSONL, or - for stdin")
    p.add_argument("--rate", type=float, default=0.0, help="articles per second (default: as fast as possible)")
    p.add_argument("--broker", help="Kafka bootstrap (default: $FLASHPOINT_BROKER)")

    p = add("tail", cmd_tail, "Follow the alerts or events topic and print it readably.")
    p.add_argument("topic", choices=["alerts", "events", "deadletter"], help="which topic")
    p.add_argument("--from-beginning", action="store_true", help="start at the oldest message, not the newest")
    p.add_argument("--json", action="store_true", help="print raw JSON lines")
    p.add_argument("--max", type=int, default=0, help="stop after this many messages (0 = follow forever)")
    p.add_argument("--idle-timeout", type=float, default=0.0, help="stop after this many seconds without a message")
    p.add_argument("--broker", help="Kafka bootstrap (default: $FLASHPOINT_BROKER)")

    p = add("extract", cmd_extract, "No Kafka: articles JSONL (or one plain-text article) in, one JSON line of events per article out.")
    p.add_argument("file", nargs="?", default="-", help="input file, or - for stdin (default)")

    p = add("backtest", cmd_backtest, "No Kafka: articles JSONL in published_at order through the worker's extractor and detectors; alerts JSONL out.")
    p.add_argument("file", help="articles JSONL")
    p.add_argument("--out", help="write alerts here instead of stdout")
    p.add_argument("--plot", help="write a PNG of one scope's counts, expected band and alerts")
    p.add_argument("--scope", help="scope key to plot: a dyad like ARM-AZE, a country like ARM, or GLOBAL")

    p = add("evaluate", cmd_evaluate, "No Kafka: labelled sentences (the shared/eval format) in; precision, recall, F1 per signal and actor recall out.")
    p.add_argument("files", nargs="+", help="labelled JSONL files")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = add("evaluate-detectors", cmd_evaluate_detectors, "Compare the detectors with simple baselines on generated streams with injected bursts.")
    p.add_argument("--seed", type=int, default=0, help="random seed of the generated streams")
    p.add_argument("--quick", action="store_true", help="fewer streams (seconds instead of minutes)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = add("bench", cmd_bench, "Throughput, latency and memory figures on one input, in one run.")
    p.add_argument("--input", help="articles JSONL (default: a generated corpus of ordinary news)")
    p.add_argument("--limit", type=int, default=0, help="use at most this many articles")
    p.add_argument("--rate", type=float, default=50.0, help="offered rate for the latency measurement (articles/s)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--soak", type=int, default=0, metavar="N",
                   help="instead: memory over a replay of N never-seen articles made from the input")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else os.environ.get("FLASHPOINT_LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
