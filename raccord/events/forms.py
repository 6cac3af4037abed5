"""The public registration form, built per event from the questions the team picked."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Registration
from .services import NEWSLETTER_WORDING


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label="Nom ou pseudonyme",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Indiquez votre nom ou un pseudonyme."},
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Pour recevoir la confirmation et le lien d’annulation.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n’est pas valide (exemple : nom@exemple.fr).",
        },
    )
    seats = forms.TypedChoiceField(label="Nombre de places", coerce=int, initial=1)
    newsletter = forms.BooleanField(required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["newsletter"].label = NEWSLETTER_WORDING
        limit = max(event.max_seats_per_registration or 1, 1)
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, limit + 1)]
        self.fields["seats"].error_messages["invalid_choice"] = (
            f"Vous pouvez réserver de 1 à {limit} place{'s' if limit > 1 else ''} par inscription."
        )
        if limit == 1:
            self.fields["seats"].widget = forms.HiddenInput()
        for key, label in event.questions():
            self.fields[f"q_{key}"] = forms.CharField(
                label=label,
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict:
        return {
            key: self.cleaned_data.get(f"q_{key}", "").strip()
            for key, _ in self.event.questions()
            if self.cleaned_data.get(f"q_{key}", "").strip()
        }


class ChangeRegistrationForm(RegistrationForm):
    """The owner's own form, behind their signed link: the address and consents stay as they are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["email"]
        del self.fields["newsletter"]


class WriteToRegistrantsForm(forms.Form):
    AUDIENCES = [
        ("confirmed", "Les personnes inscrites (confirmées)"),
        ("waitlisted", "Les personnes en liste d’attente"),
        ("all", "Tout le monde (inscrites et en attente)"),
    ]
    audience = forms.ChoiceField(label="Destinataires", choices=AUDIENCES, initial="confirmed")
    subject = forms.CharField(label="Objet", max_length=200)
    body = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Texte brut. Le lien d’annulation de chaque personne est ajouté à la fin.",
    )


class CancelRegistrationForm(forms.Form):
    """The team cancels a registration: a reason, and whether the person is told by mail."""

    reason = forms.CharField(
        label="Motif de l’annulation",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Gardé avec l’inscription ; cité dans le mail si vous prévenez la personne.",
        error_messages={"required": "Indiquez le motif de l’annulation."},
    )
    notify = forms.BooleanField(
        label="Prévenir la personne par e-mail",
        required=False,
        initial=True,
    )


# The optional questions an event may ask (EventPage.questions()), one form field each.
ANSWER_KEYS = ("dietary", "accessibility", "heard_from", "custom")


class RegistrationAdminForm(WagtailAdminModelForm):
    """The answers as labelled fields, never a JSON textarea; seats and state go through cancel."""

    answer_dietary = forms.CharField(required=False, max_length=1000)
    answer_accessibility = forms.CharField(required=False, max_length=1000)
    answer_heard_from = forms.CharField(required=False, max_length=1000)
    answer_custom = forms.CharField(required=False, max_length=1000)

    class Meta:
        model = Registration
        fields = ["name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registration = self.instance
        answers = registration.answers or {}
        labels = dict(registration.event.questions()) if registration.event_id else {}
        for key in ANSWER_KEYS:
            name = f"answer_{key}"
            if key not in labels and not answers.get(key):
                del self.fields[name]  # a question this soirée does not ask
                continue
            self.fields[name].label = labels.get(key, key)
            self.fields[name].initial = answers.get(key, "")

    def save(self, commit=True):
        answers = dict(self.instance.answers or {})
        for key in ANSWER_KEYS:
            name = f"answer_{key}"
            if name in self.fields:
                value = (self.cleaned_data.get(name) or "").strip()
                if value:
                    answers[key] = value
                else:
                    answers.pop(key, None)
        self.instance.answers = answers
        return super().save(commit=commit)
