"""A finding of the compliance check: what is wrong or missing, citing the provision it comes from."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One result of the check, citing the provision it comes from."""

    rule: str
    severity: str
    citation: str
    message: str
    part: int | None = None
    block_key: str | None = None
    section_key: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the finding as plain data for JSON."""
        return asdict(self)

    def __str__(self) -> str:
        where = f" (question {self.part})" if self.part else ""
        return f"{self.severity.upper()}: {self.citation}{where}: {self.message}"
