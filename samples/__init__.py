"""The bundled sample stream and the generator that writes it (see samples/README.md)."""
