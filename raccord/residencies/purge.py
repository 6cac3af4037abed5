"""Which pages show the residencies' rows (registry.purge, core/page_cache.py)."""

from django.db.models import Q

from .models import ResidencyIndexPage, ResidencyPage


def residency_pages(instance) -> list:
    """Every residency page and the index: the support block shows one residency's funding
    on all of them, and the index flags the open calls."""
    return [*ResidencyIndexPage.objects.live(), *ResidencyPage.objects.live()]


def pages_showing_organisation(organisation) -> list:
    pages = ResidencyPage.objects.live().filter(
        Q(partners=organisation) | Q(funding_sources__organisation=organisation)
    )
    return list(pages.distinct())
