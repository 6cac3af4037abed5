"""Public forms of the partners app: become a partner, ask for a training or coaching.

The public-form pipeline (core/public_forms.py) adds the honeypot and the ALTCHA field.
"""

from django import forms

from raccord.people.models import PartnershipKind

from .models import CoachingRequest

EMAIL_ERRORS = {
    "required": "Indiquez votre adresse e-mail pour que l’on puisse vous répondre.",
    "invalid": "Cette adresse e-mail ne semble pas valide (exemple : prenom@exemple.org).",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PersonFields(forms.Form):
    name = forms.CharField(
        label="Votre nom",
        max_length=200,
        error_messages={"required": "Indiquez votre nom."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    pronouns = forms.CharField(
        label="Vos pronoms",
        max_length=50,
        required=False,
        help_text="Facultatif, par exemple : elle, il, iel.",
    )
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PartnershipInquiryForm(PersonFields):
    organisation = forms.CharField(
        label="Votre organisation",
        max_length=200,
        error_messages={"required": "Indiquez le nom de votre organisation."},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label="Votre fonction dans l’organisation",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    city = forms.CharField(label="Ville", max_length=120, required=False)
    website = forms.URLField(
        label="Site de l’organisation",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Cette adresse de site ne semble pas valide."},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    offers = forms.ModelMultipleChoiceField(
        label="Ce que vous proposez",
        queryset=PartnershipKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label="Votre message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Ce que vous imaginez faire ensemble, vos envies, vos contraintes.",
        error_messages={
            "required": "Écrivez-nous quelques mots sur ce que vous imaginez ensemble.",
            "max_length": "Votre message est trop long (5 000 caractères au plus).",
        },
    )


class CoachingRequestForm(PersonFields):
    organisation = forms.CharField(
        label="Société de production, école ou structure",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    offer = forms.ChoiceField(
        label="Ce que vous souhaitez",
        choices=CoachingRequest.Offer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez ce que vous souhaitez nous demander."},
    )
    production = forms.CharField(
        label="Production ou projet",
        max_length=200,
        help_text="Le titre du film ou le nom du projet.",
        error_messages={"required": "Indiquez la production ou le projet concerné."},
    )
    crew_size = forms.IntegerField(
        label="Taille de l’équipe",
        min_value=1,
        max_value=500,
        help_text="Nombre de personnes, approximatif.",
        error_messages={
            "required": "Indiquez la taille de l’équipe.",
            "invalid": "Indiquez un nombre de personnes.",
            "min_value": "L’équipe compte au moins une personne.",
            "max_value": "Pour plus de 500 personnes, écrivez-nous directement.",
        },
    )
    shoot_start = forms.DateField(
        label="Début du tournage",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Date invalide (format attendu : JJ/MM/AAAA)."},
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    shoot_end = forms.DateField(
        label="Fin du tournage",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Date invalide (format attendu : JJ/MM/AAAA)."},
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    location = forms.CharField(
        label="Lieu du tournage ou de la formation", max_length=150, required=False
    )
    needs = forms.CharField(
        label="Vos besoins",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Ce qui se passe dans l’équipe, ce que vous attendez de nous.",
        error_messages={
            "required": "Décrivez vos besoins en quelques mots.",
            "max_length": "Votre message est trop long (5 000 caractères au plus).",
        },
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("shoot_start"), cleaned.get("shoot_end")
        if start and end and end < start:
            self.add_error("shoot_end", "La fin du tournage doit venir après son début.")
        return cleaned
