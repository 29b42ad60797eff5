"""The statutory pension age (Regelaltersgrenze), read for the age exemption of § 25b Abs. 3 AufenthG."""

from __future__ import annotations

from datetime import date

from replicate.screening.intervals import add_months


def pension_age_months(birth: date) -> int:
    """Regelaltersgrenze in months of life by year of birth.

    § 35 Satz 2 SGB VI: 67 years; § 235 Abs. 2 SGB VI: born before 1947 65 years, 1947–1958 one month
    more per year (65 years 1 month … 66 years), 1959–1963 two months more per year (… 66 years 10 months).
    """
    year = birth.year
    if year < 1947:
        return 65 * 12
    if year <= 1958:
        return 65 * 12 + (year - 1946)
    if year <= 1963:
        return 66 * 12 + 2 * (year - 1958)
    return 67 * 12


def pension_age_from(birth: date) -> date:
    """The day from which the person has reached the Regelaltersgrenze."""
    return add_months(birth, pension_age_months(birth))
