"""Readable, unique slugs for plain models (Wagtail pages have their own)."""

from django.utils.text import slugify


def unique_slug(instance, text: str, *, fallback: str, max_length: int = 180) -> str:
    """`slugify(text)`, suffixed -2, -3… until no other row of the model uses it."""
    base = slugify(text)[:max_length] or fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
