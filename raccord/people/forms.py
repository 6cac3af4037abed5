"""Forms of the people app: the contact form, the public GDPR self-service, the admin tools."""

from django import forms

from .models import Contact


class ContactForm(forms.Form):
    """The contact form; the public-form pipeline adds its honeypot and ALTCHA fields."""

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


class MyDataRequestForm(forms.Form):
    """`/mes-donnees/`: the pipeline adds the honeypot and the ALTCHA field."""

    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        help_text="Celle que vous avez utilisée pour vous inscrire ou nous écrire.",
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail ne semble pas valide (exemple : prenom@exemple.org).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class LookupForm(forms.Form):
    email = forms.EmailField(label="Adresse e-mail de la personne", max_length=254)


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        label="Contact à garder",
        queryset=Contact.objects.active(),
        help_text="Sa fiche reçoit tout ce qui était rattaché à l’autre.",
    )
    duplicate = forms.ModelChoiceField(
        label="Doublon à fondre dedans",
        queryset=Contact.objects.active(),
        help_text="Cette fiche disparaît après la fusion.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep") and cleaned.get("keep") == cleaned.get("duplicate"):
            raise forms.ValidationError("Choisissez deux contacts différents.")
        return cleaned


class ImportForm(forms.Form):
    KIND_CHOICES = [("contacts", "Contacts"), ("organisations", "Organisations")]
    kind = forms.ChoiceField(label="Que contient le fichier ?", choices=KIND_CHOICES)
    file = forms.FileField(
        label="Fichier CSV",
        help_text="Encodé en UTF-8, séparateur virgule ou point-virgule, une ligne d’en-tête.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("Le fichier dépasse 2 Mo.")
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError("Le fichier n’est pas un texte lisible (UTF-8 attendu).")
