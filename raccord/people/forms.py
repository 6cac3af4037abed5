"""Forms of the people app: the public GDPR self-service and the admin tools."""

from django import forms

from .models import Contact


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
