"""One Contact per person, found by normalized email; every module's records point to it."""

from django.db import models
from django.utils import timezone


def normalize_email(email: str) -> str:
    """Lower-cased and trimmed: `Julie@Ex.org ` and `julie@ex.org` are one person."""
    return (email or "").strip().lower()


class ContactQuerySet(models.QuerySet):
    def by_email(self, email: str):
        return self.filter(email=normalize_email(email))


class Contact(models.Model):
    email = models.EmailField("adresse e-mail", max_length=254, unique=True)
    name = models.CharField("nom", max_length=200, blank=True)
    pronouns = models.CharField("pronoms", max_length=50, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    notes = models.TextField("notes de l’équipe", blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)
    erased_at = models.DateTimeField("données effacées le", null=True, blank=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = "contact"
        verbose_name_plural = "contacts"
        ordering = ["name", "email"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)


class Consent(models.Model):
    """Proof of a consent given or withdrawn: what, when, from where, which wording."""

    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", "Infolettre"
        REGISTRATION = "registration", "Inscription à une soirée"
        CONTACT = "contact", "Message via le formulaire"
        PHOTOS = "photos", "Droit à l’image"
        DIVERSITY = "diversity", "Statistiques de diversité"
        OTHER = "other", "Autre"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField("objet", max_length=30, choices=Kind.choices)
    given = models.BooleanField("accordé", default=True)
    at = models.DateTimeField("le", default=timezone.now)
    source = models.CharField("source", max_length=300, blank=True)
    wording = models.TextField("texte présenté", blank=True)
    wording_version = models.CharField("version du texte", max_length=40, blank=True)

    class Meta:
        verbose_name = "consentement"
        verbose_name_plural = "consentements"
        ordering = ["-at"]

    def __str__(self) -> str:
        state = "accordé" if self.given else "retiré"
        return f"{self.get_kind_display()} {state} le {self.at:%d/%m/%Y}"
