"""Organisations the collective works with; the partners app grows this into a small CRM."""

from django.db import models
from django.utils.text import slugify


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "ecole", "École"
        UNION = "syndicat", "Syndicat"
        COLLECTIVE = "collectif", "Collectif"
        FESTIVAL = "festival", "Festival"
        VENUE = "lieu", "Lieu"
        MEDIA = "media", "Média"
        PUBLIC_FUNDER = "financeur_public", "Financeur public"
        FOUNDATION = "fondation", "Fondation"
        COMPANY = "entreprise", "Entreprise"
        ASSOCIATION = "association", "Association"
        OTHER = "autre", "Autre"

    class Stage(models.TextChoices):
        PROSPECT = "prospect", "Prospect"
        DISCUSSION = "discussion", "En discussion"
        ACTIVE = "actif", "Partenaire actif"
        FORMER = "ancien", "Ancien partenaire"

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant", max_length=200, unique=True, blank=True)
    kind = models.CharField("type", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField("site web", blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    stage = models.CharField(
        "relation", max_length=20, choices=Stage.choices, default=Stage.PROSPECT
    )
    is_public = models.BooleanField("affiché sur le site", default=False)
    description = models.TextField("présentation", blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:180] or "organisation"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)
