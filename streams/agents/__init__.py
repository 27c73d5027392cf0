"""One module per Faust agent; each is thin: parse, call a pure core, produce."""
