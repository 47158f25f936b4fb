"""Ways of calling Redis that cost less per call than one command per round trip."""
