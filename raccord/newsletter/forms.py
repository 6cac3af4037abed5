"""Sign-up and preferences forms; topic choices come from a cache so the footer costs no query.

The footer's form and the `/infolettre/` page's form are the same form with the same field
names (so the pipeline reads its honeypot and ALTCHA the same way): the footer only gives its
fields other ids (`auto_id="id_footer_%s"`), so a page may show both.
"""

from django import forms

from . import services
from .models import Topic


class TopicChoiceField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class SignupForm(forms.Form):
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Saisissez une adresse e-mail.",
            "invalid": "Cette adresse e-mail n’est pas valide : vérifiez qu’elle ressemble à nom@exemple.fr.",
        },
    )
    name = forms.CharField(
        label="Prénom (facultatif)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    topics = TopicChoiceField(
        label="Je veux recevoir",
        required=True,
        error_messages={"required": "Choisissez au moins un thème."},
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)

    @property
    def consent_wording(self) -> str:
        return services.consent_wording()

    def __init__(self, *args, source: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        topics = services.public_topics()
        self.fields["topics"].choices = [(str(t["pk"]), t["name"]) for t in topics]
        if topics and not self.is_bound:
            self.fields["topics"].initial = [str(topics[0]["pk"])]
        if source:
            self.fields["source"].initial = source

    def clean_email(self):
        try:
            return services.check_address(self.cleaned_data["email"])
        except services.NewsletterError as error:
            raise forms.ValidationError(str(error)) from error

    def clean_name(self):
        return services.clean_name(self.cleaned_data.get("name", ""))

    def clean_source(self):
        source = self.cleaned_data.get("source", "")
        return source if source.startswith("/") else ""

    def topic_objects(self):
        return list(Topic.objects.filter(pk__in=self.cleaned_data["topics"], public=True))


class PreferencesForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        label="Je veux recevoir",
        queryset=Topic.objects.filter(public=True),
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={
            "required": "Choisissez au moins un thème, ou désinscrivez-vous avec le bouton plus bas."
        },
    )
