"""Wire-level fakes of outside services for the tests (HTTP servers on loopback, never the internet)."""
