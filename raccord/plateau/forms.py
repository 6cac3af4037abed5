"""Forms of the workspace: French labels, server-side validation, nothing stored if invalid."""

from django import forms

from .models import Answer, CallSheet, CarbonEntry, CrewMember, EmissionFactor, Proposal


class DateInput(forms.DateInput):
    """The browser's date picker; ISO values, which it requires."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def text(label: str, rows: int, max_length: int, *, required: str = "") -> forms.CharField:
    """A few lines of free text; `required` is the message when it is left empty."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        required=bool(required),
        error_messages={"required": required} if required else None,
    )


class NoColon:
    """French labels end without the colon Django adds to checkbox labels."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ButtonForm(forms.Form):
    """A page with one button (a mailed link's): the pipeline adds its honeypot and ALTCHA."""


class LoginForm(NoColon, forms.Form):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail ne semble pas valide.",
        },
    )


class CheckInForm(NoColon, forms.Form):
    energy = forms.TypedChoiceField(
        label="Mon énergie aujourd’hui (de 1 à 10)",
        choices=[("", "Je préfère ne pas noter")] + [(str(n), str(n)) for n in range(1, 11)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    words = forms.CharField(
        label="Un mot ou une phrase",
        max_length=280,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": "Quelques mots suffisent : 280 caractères au plus."},
    )
    signed = forms.BooleanField(
        label="Signer mes mots (sinon ils restent anonymes)",
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("energy") is None and not (data.get("words") or "").strip():
            raise forms.ValidationError("Donnez une énergie, un mot, ou les deux.")
        return data


class ProposalForm(NoColon, forms.Form):
    kind = forms.ChoiceField(
        label="Type",
        choices=Proposal.Kind.choices,
        initial=Proposal.Kind.CONSENT,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label="Titre",
        max_length=200,
        error_messages={"required": "Donnez un titre."},
    )
    body = text(
        "La proposition, la question ou le rôle à pourvoir",
        5,
        5000,
        required="Écrivez la proposition.",
    )
    office = forms.ChoiceField(
        label="Rôle à attribuer (pour une élection)",
        choices=[("", "—")] + [c for c in Proposal.Office.choices if c[0]],
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == Proposal.Kind.ELECTION and not data.get("office"):
            self.add_error("office", "Choisissez le rôle à attribuer.")
        return data


class AnswerForm(NoColon, forms.Form):
    choice = forms.ChoiceField(
        label="Ma réponse",
        choices=Answer.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez votre réponse."},
    )
    reason = text("Ma raison (obligatoire pour une objection ou une réserve)", 3, 3000)
    signed = forms.BooleanField(
        label="Signer ma réponse",
        required=False,
        help_text="À la clôture, votre nom s’affiche à côté d’une réponse signée ; "
        "sinon, seuls la réponse et sa raison apparaissent.",
    )

    def clean(self):
        data = super().clean()
        choice, reason = data.get("choice"), (data.get("reason") or "").strip()
        if choice == Answer.Choice.OBJECTION and not reason:
            self.add_error(
                "reason", "Une objection s’accompagne de sa raison : dites ce qui vous en empêche."
            )
        if choice == Answer.Choice.CONCERN and not reason:
            self.add_error("reason", "Dites en quelques mots votre réserve.")
        return data


class RoundAnswerForm(NoColon, forms.Form):
    reason = text("Ma parole", 3, 3000, required="Écrivez votre parole pour ce tour.")
    signed = AnswerForm.base_fields["signed"]


class CloseForm(NoColon, forms.Form):
    without_quorum = forms.BooleanField(
        label="Clôturer quand même, sans quorum (le journal le dira)", required=False
    )


class NoticesForm(NoColon, forms.Form):
    notices = forms.ChoiceField(
        label="Être prévenu·e par e-mail des propositions ouvertes et clôturées",
        choices=CrewMember.Notices.choices,
        widget=forms.RadioSelect,
    )


class MemberChoiceForm(NoColon, forms.Form):
    """Pick one member of the same production (nominations, candidates, calls)."""

    member = forms.TypedChoiceField(label="Personne", coerce=int)

    def __init__(self, *args, members=(), label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "—")] + [(m.pk, m.display_name) for m in members]
        if label:
            self.fields["member"].label = label


class NominationForm(MemberChoiceForm):
    reason = text("Pourquoi cette personne", 3, 2000)


class ReferentMessageForm(NoColon, forms.Form):
    body = text("Votre message", 6, 5000, required="Écrivez votre message.")
    signed = forms.BooleanField(
        label="Signer ce message de mon nom",
        required=False,
        initial=True,
        help_text="Un message signé permet aux référent·es de vous répondre et d’agir. "
        "Décochez pour l’envoyer sans votre nom : personne ne pourra savoir qu’il vient de vous.",
    )


class TrainingForm(NoColon, forms.Form):
    module1_done_on = forms.DateField(
        label="Module 1 (en ligne) suivi le",
        required=False,
        widget=DateInput(),
    )
    module2_scheduled_on = forms.DateField(
        label="Module 2 (en présentiel) prévu le",
        required=False,
        widget=DateInput(),
    )
    module2_done_on = forms.DateField(
        label="Module 2 suivi le",
        required=False,
        widget=DateInput(),
    )


class CallSheetForm(NoColon, forms.ModelForm):
    class Meta:
        model = CallSheet
        fields = [
            "day",
            "day_number",
            "general_call",
            "wrap",
            "places",
            "schedule",
            "meals",
            "notes",
            "published",
        ]
        widgets = {
            "day": DateInput(),
            "general_call": TimeInput(),
            "wrap": TimeInput(),
            "places": forms.Textarea(attrs={"rows": 3}),
            "schedule": forms.Textarea(attrs={"rows": 5}),
            "meals": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class CallForm(MemberChoiceForm):
    time = forms.TimeField(label="Heure de convocation", widget=TimeInput())
    note = forms.CharField(label="Précision", max_length=200, required=False)


class CarbonEntryForm(NoColon, forms.Form):
    day = forms.DateField(label="Jour", widget=DateInput())
    kind = forms.ChoiceField(
        label="Prévisionnel ou réel",
        choices=CarbonEntry.Kind.choices,
        initial=CarbonEntry.Kind.ACTUAL,
        widget=forms.RadioSelect,
    )
    factor = forms.ModelChoiceField(
        label="Catégorie",
        queryset=EmissionFactor.objects.all(),
        empty_label="—",
        error_messages={"required": "Choisissez une catégorie."},
    )
    quantity = forms.DecimalField(
        label="Quantité (dans l’unité de la catégorie)",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        error_messages={"min_value": "La quantité ne peut pas être négative."},
    )
    note = forms.CharField(label="Précision", max_length=200, required=False)


class ParityDeclarationForm(NoColon, forms.Form):
    counts_as_woman = forms.ChoiceField(
        label="Pour la grille de parité, je compte comme une femme",
        choices=[("yes", "Oui"), ("no", "Non"), ("", "Je préfère ne pas le dire")],
        required=False,
        widget=forms.RadioSelect,
        help_text="Seul le score de l’équipe est affiché ; votre réponse n’apparaît nulle part "
        "ailleurs et vous pouvez la changer ou la retirer.",
    )
