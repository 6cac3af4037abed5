"""Field shapes the apps' models share, so each is written (and changed) once."""

from django.db import models


def optional_link(to, verbose_name: str, *, related_name: str = "+", **kwargs):
    """A link the team may leave empty; deleting what it points to empties it, nothing more."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )
