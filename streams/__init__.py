"""The Faust app, the command line and the embedded broker: the only code that knows Kafka."""
