"""The measured security figures: printed when measured and repeated in pytest's terminal summary."""

FIGURES: list[str] = []


def report(line: str) -> None:
    """Record one figure as a `SECURITY: ...` line."""
    text = f"SECURITY: {line}"
    print(text)
    FIGURES.append(text)
