"""The public request forms: French validation before anything reaches the services."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from raccord.core.validators import UploadValidator

from .models import FilmPage, ScreeningRequest

# Judged by content and size through the shared validator (raccord/core/validators.py).
validate_attachment = UploadValidator(kinds=("pdf", "jpg", "png"), max_mb=5)


class PageIdsField(forms.ModelMultipleChoiceField):
    """A number too large for the database is an invalid choice, not a server error (SQLite
    raises OverflowError where Django expects ValueError)."""

    def clean(self, value):
        for pk in value or ():
            digits = str(pk).strip().lstrip("+-")
            if digits.isdigit() and len(digits) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def free_text(label: str, *, help_text: str = "", rows: int = 3, max_length: int = 2000):
    """An optional answer in the venue's own words."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class RequestForm(forms.Form):
    """Shared by both requests; the exhibition variant drops the film choices."""

    organisation_name = forms.CharField(
        label="Structure",
        max_length=200,
        help_text="Cinéma, association, école, syndicat, festival, lieu militant…",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    venue_kind = forms.ChoiceField(
        label="Type de lieu", choices=[("", "— Choisir —"), *ScreeningRequest.VenueKind.choices]
    )
    venue_name = forms.CharField(
        label="Nom du lieu (s’il diffère de la structure)", max_length=200, required=False
    )
    city = forms.CharField(
        label="Ville",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    date_from = forms.DateField(label="Date souhaitée (ou début de la période)", widget=DateInput())
    date_to = forms.DateField(
        label="Fin de la période (facultatif)", required=False, widget=DateInput()
    )
    dates_note = forms.CharField(
        label="Précisions sur les dates",
        max_length=300,
        required=False,
        help_text="Par exemple : plutôt un soir de semaine, ou d’autres dates possibles.",
    )
    expected_audience = forms.IntegerField(
        label="Public attendu (nombre de personnes)", min_value=1, max_value=100_000, required=False
    )
    films = PageIdsField(
        label="Films souhaités",
        queryset=FilmPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    with_team = forms.BooleanField(
        label="En présence de membres du collectif", required=False, initial=True
    )
    with_round_table = forms.BooleanField(
        label="Avec une table ronde ou un temps d’échange", required=False, initial=True
    )
    topics = free_text(
        "Sujets que vous aimeriez aborder",
        help_text="Coopération sur les tournages, soin, VSS, écologie…",
    )
    budget = forms.ChoiceField(
        label="Budget", choices=ScreeningRequest.Budget.choices, widget=forms.RadioSelect
    )
    budget_amount = forms.IntegerField(
        label="Montant envisagé en euros (si défini)",
        min_value=0,
        max_value=1_000_000,
        required=False,
    )
    technical_setup = free_text(
        "Équipement technique",
        help_text="Projecteur, lecteur DCP, son, murs ou grilles pour accrocher…",
    )
    accessibility = free_text(
        "Accessibilité du lieu",
        help_text="Accès en fauteuil, boucle magnétique, toilettes accessibles…",
    )
    message = free_text("Votre message", rows=4, max_length=5000)
    attachment = forms.FileField(
        label="Fiche technique ou plan du lieu (facultatif)",
        required=False,
        help_text="PDF, JPEG ou PNG, 5 Mo au plus.",
        validators=[validate_attachment],
    )
    name = forms.CharField(
        label="Votre nom", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Indiquez une adresse e-mail pour que l’on puisse vous répondre."
        },
    )
    phone = forms.CharField(
        label="Téléphone (facultatif)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == ScreeningRequest.Kind.SCREENING:
            self.fields["films"].queryset = (
                FilmPage.objects.live().filter(available_for_screenings=True).order_by("title")
            )
        else:
            del self.fields["films"]
            self.fields["date_from"].label = "Début de la période souhaitée"
            self.fields["date_to"].label = "Fin de la période souhaitée"
            self.fields["with_team"].label = "Avec un vernissage en présence du collectif"
            self.fields["with_round_table"].label = "Avec une projection et une table ronde"
            self.fields["with_round_table"].initial = False
            self.fields[
                "technical_setup"
            ].help_text = (
                "Longueur de murs ou de grilles disponible, éclairage, lieu fermé la nuit…"
            )

    def clean_date_from(self):
        value = self.cleaned_data["date_from"]
        if value <= timezone.localdate():
            raise forms.ValidationError("Choisissez une date à venir.")
        return value

    def clean_organisation_name(self):
        return " ".join(self.cleaned_data["organisation_name"].split())

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "La fin de la période doit suivre son début.")
        if self.kind == ScreeningRequest.Kind.SCREENING and "films" in self.fields:
            films = data.get("films")
            if films is not None and not films and self.fields["films"].queryset.exists():
                self.add_error("films", "Choisissez au moins un film.")
        if (
            data.get("budget") == ScreeningRequest.Budget.AMOUNT
            and data.get("budget_amount") is None
        ):
            self.add_error("budget_amount", "Indiquez le montant envisagé.")
        return data

    def service_fields(self) -> dict:
        """Everything `services.submit_request` needs: the declared fields' cleaned data.

        Fields the public-form pipeline adds (honeypot, ALTCHA) are not the service's business.
        """
        data = {
            name: value for name, value in self.cleaned_data.items() if name in self.base_fields
        }
        data["films"] = list(data.get("films") or [])
        data["phone"] = data.get("phone", "").strip()
        return data
