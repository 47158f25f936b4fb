"""LocalAdmissionGate: the deny-list, then the rate counter (the embedded profile: one process)."""

from application.ports.admission_gate import Admission, AdmissionGate
from application.ports.rate_counter import RateCounter
from application.ports.token_deny_list import TokenDenyList


class LocalAdmissionGate(AdmissionGate):
    """Two calls instead of one script; nothing is counted for a revoked token."""

    def __init__(self, deny_list: TokenDenyList, counter: RateCounter) -> None:
        self._deny_list = deny_list
        self._counter = counter

    async def admit(self, token_id: str | None, rate_key: str | None, window_s: int) -> Admission:
        """Ask the deny-list, then count."""
        if token_id is not None and await self._deny_list.is_revoked(token_id):
            return Admission(revoked=True)
        if rate_key is None:
            return Admission(revoked=False)
        return Admission(revoked=False, window=await self._counter.hit(rate_key, window_s))
