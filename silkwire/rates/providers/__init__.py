"""Rate providers: one module per bank, each with a pure ``parse(payload) -> list[Quote]``."""

from __future__ import annotations

from silkwire.rates.providers.base import Provider, Quote
from silkwire.rates.providers.cbr import CentralBankOfRussia
from silkwire.rates.providers.cbt import CentralBankOfTurkmenistan
from silkwire.rates.providers.cbu import CentralBankOfUzbekistan
from silkwire.rates.providers.nbk import NationalBankOfKazakhstan
from silkwire.rates.providers.nbkr import NationalBankOfKyrgyzRepublic
from silkwire.rates.providers.nbt import NationalBankOfTajikistan

PROVIDERS: dict[str, Provider] = {
    provider.code: provider
    for provider in (
        NationalBankOfKazakhstan(),
        NationalBankOfKyrgyzRepublic(),
        NationalBankOfTajikistan(),
        CentralBankOfUzbekistan(),
        CentralBankOfTurkmenistan(),
        CentralBankOfRussia(),
    )
}


def get_provider(code: str) -> Provider:
    try:
        return PROVIDERS[code]
    except KeyError:
        raise KeyError(
            f"unknown rates source {code!r}: use one of {', '.join(PROVIDERS)}"
        ) from None


__all__ = ["PROVIDERS", "Provider", "Quote", "get_provider"]
