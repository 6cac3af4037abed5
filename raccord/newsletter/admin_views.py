"""Admin pages of the infolettre beyond the listings: sending a campaign, import and export."""

from __future__ import annotations

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from wagtail.snippets.views.snippets import EditView as SnippetEditView

from . import sending, services
from .models import Campaign, Subscriber, Topic


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


class TestSendForm(forms.Form):
    email = forms.EmailField(label="Adresse qui reçoit le test")


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Date et heure d’envoi",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
    )


def campaign_send(request, pk: int):
    """Test, schedule, send now, stop; and the live progress while sending."""
    _require(request, "newsletter.change_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    test_form = TestSendForm(initial={"email": request.user.email})
    schedule_form = ScheduleForm(initial={"when": campaign.scheduled_at})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "test":
                test_form = TestSendForm(request.POST)
                if test_form.is_valid():
                    sending.send_test(campaign, test_form.cleaned_data["email"])
                    messages.success(request, f"Test envoyé à {test_form.cleaned_data['email']}.")
                    return redirect("newsletter_admin:send", pk=pk)
            elif action == "schedule":
                schedule_form = ScheduleForm(request.POST)
                if schedule_form.is_valid():
                    sending.schedule(campaign, schedule_form.cleaned_data["when"])
                    messages.success(request, "Envoi programmé.")
                    return redirect("newsletter_admin:send", pk=pk)
            elif action == "unschedule":
                sending.unschedule(campaign)
                messages.success(
                    request, "Programmation annulée : la campagne est redevenue un brouillon."
                )
                return redirect("newsletter_admin:send", pk=pk)
            elif action == "send" and request.POST.get("confirmed") != "yes":
                return _confirm_send(request, campaign)
            elif action == "send":
                sending.start(campaign)
                messages.success(
                    request,
                    "Envoi lancé : cette page suit la progression, vous pouvez la quitter.",
                )
                return redirect("newsletter_admin:send", pk=pk)
            elif action == "duplicate":
                copy = sending.duplicate(campaign)
                messages.success(request, "Copie créée : un brouillon à modifier puis envoyer.")
                return redirect("wagtailsnippets_newsletter_campaign:edit", copy.pk)
            elif action == "stop":
                sending.stop(campaign)
                messages.warning(request, "Envoi arrêté : les messages restants ne partiront pas.")
                return redirect("newsletter_admin:send", pk=pk)
        except (sending.SendingError, services.NewsletterError) as error:
            messages.error(request, str(error))
        except OSError as error:
            messages.error(request, f"Le serveur d’envoi ne répond pas ({error}).")
        campaign.refresh_from_db()
    progress = campaign.progress()
    audience = _audience(campaign)
    return render(
        request,
        "newsletter/admin/send.html",
        {
            "campaign": campaign,
            "progress": progress,
            "audience": audience,
            "test_form": test_form,
            "schedule_form": schedule_form,
            "refresh": campaign.status == Campaign.Status.SENDING,
            "failures": campaign.deliveries.filter(status="failed").order_by("-pk")[:20],
        },
    )


def _audience(campaign) -> int:
    return Subscriber.objects.for_topics(list(campaign.topics.all())).count()


def _confirm_send(request, campaign):
    """The step between the click and the send: the real number of people, and no way back."""
    audience = _audience(campaign)
    return render(
        request,
        "newsletter/admin/send_confirm.html",
        {"campaign": campaign, "audience": audience},
    )


def campaign_progress(request, pk: int):
    """The same counts as JSON, for anything that polls (monitoring, a future widget)."""
    from django.http import JsonResponse

    _require(request, "newsletter.view_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    return JsonResponse({"status": campaign.status, **campaign.progress()})


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV",
        required=False,
        help_text="Exports Mailchimp, Brevo ou tableur : une colonne « email », et si vous voulez « prénom » et « thèmes ».",
    )
    source = forms.CharField(
        label="Provenance des adresses (preuve du consentement)",
        max_length=200,
        help_text="Ex. : « liste papier de la soirée du 9 mars 2025 », « export Brevo 2024 ».",
    )
    topics = forms.ModelMultipleChoiceField(
        label="Thèmes à attribuer",
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )

    def raw(self, previous: str = "") -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            if upload.size > services.MAX_IMPORT_BYTES:
                raise services.NewsletterError(
                    "Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers."
                )
            return upload.read()
        if previous:
            try:
                return base64.b64decode(previous, validate=True)
            except ValueError as error:
                raise services.NewsletterError(
                    "Le fichier n’a pas pu être relu : renvoyez-le."
                ) from error
        raise services.NewsletterError("Choisissez un fichier CSV.")


def import_subscribers(request):
    _require(request, "newsletter.add_subscriber")
    report = None
    content = ""
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            dry_run = request.POST.get("action") != "import"
            try:
                raw = form.raw(request.POST.get("content", ""))
                report = services.import_subscribers(
                    raw,
                    source=form.cleaned_data["source"],
                    topics=form.cleaned_data["topics"],
                    dry_run=dry_run,
                )
                content = base64.b64encode(raw).decode()
                if not dry_run:
                    messages.success(
                        request,
                        f"{len(report.good)} adresse(s) importée(s), {len(report.bad)} ligne(s) écartée(s).",
                    )
            except services.NewsletterError as error:
                messages.error(request, str(error))
    else:
        form = ImportForm()
    return render(
        request,
        "newsletter/admin/import.html",
        {"form": form, "report": report, "content": content},
    )


def export_subscribers(request):
    _require(request, "newsletter.view_subscriber")
    status = request.GET.get("status", Subscriber.Status.CONFIRMED)
    subscribers = Subscriber.objects.all()
    if status != "all":
        subscribers = subscribers.filter(status=status)
    response = HttpResponse(
        services.export_csv(subscribers), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="infolettre-{status}-{stamp}.csv"'
    return response


def send_url(campaign) -> str:
    return reverse("newsletter_admin:send", args=[campaign.pk])


class CampaignEditView(SnippetEditView):
    """Once sending starts the content is what people received: no edit, a duplicate instead."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.editable:
            messages.warning(
                request,
                "Cette campagne est partie : son contenu ne change plus. "
                "Dupliquez-la pour en écrire une nouvelle version.",
            )
            return redirect("newsletter_admin:send", pk=self.object.pk)
        return super().dispatch(request, *args, **kwargs)
