"""The contact form: French messages, a honeypot, a consent box carrying the shown wording."""

from django import forms

from .protection import HoneypotMixin


class ContactForm(HoneypotMixin, forms.Form):
    name = forms.CharField(
        label="Votre nom",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Indiquez votre nom, ou un prénom."},
    )
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        help_text="Pour vous répondre ; elle ne sera jamais transmise.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Indiquez votre adresse e-mail pour que nous puissions vous répondre.",
            "invalid": "Cette adresse e-mail ne semble pas valide (exemple : prenom@exemple.org).",
        },
    )
    subject = forms.CharField(
        label="Objet",
        max_length=200,
        error_messages={"required": "Donnez un objet à votre message."},
    )
    message = forms.CharField(
        label="Votre message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Écrivez votre message.",
            "max_length": "Votre message est trop long (%(limit_value)d caractères au plus).",
        },
    )
    consent = forms.BooleanField(
        label="",
        error_messages={"required": "Cochez cette case pour que nous puissions vous répondre."},
    )

    def __init__(self, *args, consent_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text or "J’accepte qu’on conserve mon message."
        for name in ("name", "subject", "message"):
            self.fields[name].error_messages.setdefault(
                "max_length", "Ce champ est trop long (%(limit_value)d caractères au plus)."
            )
        self.fields["name"].error_messages["max_length"] = (
            "Ce nom est trop long (%(limit_value)d caractères au plus)."
        )
        self.fields["subject"].error_messages["max_length"] = (
            "Cet objet est trop long (%(limit_value)d caractères au plus)."
        )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError("Votre message est un peu court : dites-nous en plus.")
        return message
