"""Offline content providers: the embedded, no-network, $0 defaults for the content ports."""
