"""The reviewer field's knowledge of the organisation's approval rules (names offered, rule explained)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCompleter, QLineEdit

from app.core.drafting.library import Layer
from app.core.workbench import model
from app.core.workbench.approval import POLICY_FILE, ApprovalPolicy


def show_policy(field: QLineEdit, policy: ApprovalPolicy, layers: Sequence[Layer]) -> None:
    """Offer the configured reviewers' names as completions and say in the tooltip who may approve."""
    field.setCompleter(QCompleter(list(policy.reviewers), field) if policy.reviewers else None)
    rule = f"Reviewers: {', '.join(policy.reviewers)}" if policy.restricted else "Anyone named can approve"
    if policy.four_eyes:
        rule += "; the approver must not be the last editor (four eyes)"
    where = f" (set in {policy.source})" if policy.source else f" (list reviewers in {policy_hint(layers)})"
    field.setToolTip(f"{rule}{where}. Recorded as approved_by and as the author of history entries")


def policy_hint(layers: Sequence[Layer]) -> str:
    """Return where an organisation's library.yaml would go."""
    editable = model.editable_layers(layers)
    return str(editable[0].folder / POLICY_FILE) if editable else POLICY_FILE
