"""The public application form and the reviewers' opinion form."""

from django import forms

from raccord.core.altcha import FIELD_NAME as ALTCHA_FIELD
from raccord.core.protection import HONEYPOT_FIELD

from .models import DIVERSITY_QUESTIONS, POSITION_CHOICES, CrewMember, Diet, Opinion
from .services import DIVERSITY_WORDING

LONG_TEXT = 5000


def text(label: str, rows: int, *, max_length: int = 2000, **kwargs) -> forms.CharField:
    """A free-text answer of a few lines."""
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(label=label, widget=widget, max_length=max_length, **kwargs)


def optional_date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Saisissez une date valide (jj/mm/aaaa)."},
    )


# Added by the public-form pipeline; the template places them by hand, next to the button.
TRANSPORT_FIELDS = {HONEYPOT_FIELD, ALTCHA_FIELD}


class ApplicationForm(forms.Form):
    name = forms.CharField(label="Prénom et nom", max_length=200)
    email = forms.EmailField(
        label="Adresse e-mail",
        error_messages={"invalid": "Saisissez une adresse e-mail valide, comme nom@exemple.org."},
        help_text="Pour vous répondre. Renvoyer le formulaire avec la même adresse met à jour "
        "votre candidature.",
    )
    pronouns = forms.CharField(
        label="Pronoms", max_length=50, required=False, help_text="Par exemple : elle, iel, il."
    )
    roles = forms.MultipleChoiceField(
        label="Rôles souhaités",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choisissez au moins un rôle.",
            "invalid_choice": "Le rôle « %(value)s » n’est pas proposé dans cet appel.",
        },
    )
    experience = text(
        "Votre expérience",
        5,
        max_length=LONG_TEXT,
        help_text="Tournages, formations, autres vies : ce qui compte pour vous.",
    )
    links = text("Liens (films, CV, bande démo)", 2, required=False)
    motivation = text("Pourquoi voulez-vous venir ?", 6, max_length=LONG_TEXT)
    availability = text(
        "Disponibilités",
        2,
        help_text="Êtes-vous là pendant toute la résidence ? Précisez s’il y a des contraintes.",
    )
    arrival_date = optional_date("Arrivée envisagée")
    departure_date = optional_date("Départ envisagé")
    accessibility_needs = text(
        "Besoins d’accessibilité",
        3,
        required=False,
        help_text="Mobilité, sensoriel, santé, rythme… Seule l’équipe d’organisation le lit.",
    )
    diet = forms.ChoiceField(
        label="Régime alimentaire",
        choices=Diet.choices,
        initial=Diet.OMNIVORE,
        widget=forms.RadioSelect,
    )
    dietary_notes = text(
        "Allergies et précisions alimentaires",
        2,
        required=False,
        help_text="Pour la personne qui cuisine : allergies, intolérances, aliments évités.",
    )
    diversity_consent = forms.BooleanField(
        label=DIVERSITY_WORDING,
        required=False,
        help_text="Facultatif et séparé de votre candidature : les personnes qui sélectionnent "
        "ne voient jamais vos réponses, seulement des totaux.",
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        if call is not None:
            self.fields["roles"].choices = [
                (r.role, f"{r.get_role_display()} ({r.places} place{'s' if r.places > 1 else ''})")
                for r in call.roles.all()
            ]
        for key, (label, choices) in DIVERSITY_QUESTIONS.items():
            self.fields[f"diversity_{key}"] = forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", "Je préfère ne pas répondre"), *choices],
                widget=forms.RadioSelect,
                initial="",
            )
        for name, field in self.fields.items():
            if name != "roles":
                field.error_messages["required"] = "Ce champ est obligatoire."

    def diversity_fields(self):
        return [self[f"diversity_{key}"] for key in DIVERSITY_QUESTIONS]

    def main_fields(self):
        return [
            f
            for f in self.visible_fields()
            if not f.name.startswith("diversity") and f.name not in TRANSPORT_FIELDS
        ]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError("Indiquez votre nom.")
        return name

    def clean(self):
        data = super().clean()
        arrival, departure = data.get("arrival_date"), data.get("departure_date")
        if arrival and departure and departure < arrival:
            self.add_error("departure_date", "La date de départ doit suivre la date d’arrivée.")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        consent = bool(data.get("diversity_consent"))
        diversity = {}
        if consent:
            diversity = {
                key: data.get(f"diversity_{key}")
                for key in DIVERSITY_QUESTIONS
                if data.get(f"diversity_{key}")
            }
        return {
            "email": data["email"],
            "name": data["name"],
            "pronouns": data.get("pronouns", ""),
            "roles": data["roles"],
            "experience": data.get("experience", ""),
            "links": data.get("links", ""),
            "motivation": data["motivation"],
            "availability": data.get("availability", ""),
            "arrival_date": data.get("arrival_date"),
            "departure_date": data.get("departure_date"),
            "accessibility_needs": data.get("accessibility_needs", ""),
            "diet": data.get("diet") or Diet.OMNIVORE,
            "dietary_notes": data.get("dietary_notes", ""),
            "diversity_consent": consent,
            "diversity": diversity,
        }


class OpinionForm(forms.Form):
    verdict = forms.ChoiceField(
        label="Votre avis", choices=Opinion.Verdict.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Obligatoire pour un « non ». Les autres le liront une fois leur avis donné.",
    )


class CrewMemberForm(forms.Form):
    application = forms.ModelChoiceField(label="Personne retenue", queryset=None)
    position = forms.ChoiceField(label="Poste", choices=POSITION_CHOICES)
    counts_as_woman = forms.ChoiceField(
        label="Compte comme femme pour la grille de parité",
        choices=CrewMember.ParityAnswer.choices,
        required=False,
    )

    def __init__(self, *args, roster=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = roster
