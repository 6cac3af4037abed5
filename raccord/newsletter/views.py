"""Public views of the infolettre: thin, every decision lives in services.py.

The sign-up and the pages behind signed links go through the public-form pipeline
(core/public_forms.py). Links from mails open a page with one button; only the POST acts. The
unsubscribe URL also takes the RFC 8058 one-click POST sent by mail clients, without session
nor CSRF token: it is not a form, and stays outside the pipeline.
"""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from raccord.core import signed_links
from raccord.core.page_cache import mark_personal, personal
from raccord.core.protection import cross_origin_endpoint
from raccord.core.public_forms import PublicFormView

from . import services
from .blocks import render_blocks
from .forms import PreferencesForm, SignupForm
from .models import Campaign, Subscriber
from .sending import TEST_TOKEN


class SignupView(PublicFormView):
    """The `/infolettre/` page's form and the footer's, on every page: one answer for all."""

    form_class = SignupForm
    template_name = "newsletter/signup.html"
    scope = "newsletter-signup"
    rate = "10/h"
    neutral = True
    address_field = "email"
    errors = (services.NewsletterError,)
    success_url = reverse_lazy("newsletter:thanks")

    source = ""  # the page showing an empty form: kept with the subscription
    auto_id = "id_%s"

    def get(self, request, *args, **kwargs):
        return redirect("/infolettre/")

    def get_form_kwargs(self) -> dict:
        return {"source": self.source, "auto_id": self.auto_id}

    def get_context_data(self, **context) -> dict:
        return {"hide_footer_signup": True, **context}

    def act(self, form) -> None:
        referer = self.request.META.get("HTTP_REFERER", "")[:300]
        services.subscribe(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            topics=form.topic_objects(),
            source=form.cleaned_data["source"] or referer,
        )


def thanks(request):
    return render(request, "newsletter/thanks.html")


def _subscriber_or_bad_link(purpose, token):
    try:
        return services.subscriber_from_token(purpose, token), None
    except signed_links.BadLink as error:
        return None, str(error)


def _test_link(request):
    """The personal links of a test mail: nothing changes, and the page says why."""
    return render(request, "newsletter/test_link.html")


class SignedLinkMixin:
    """A page behind a link from a mail: a bad or expired link answers 400 before any form."""

    purpose: str
    scope = "newsletter-link"
    rate = "30/h"

    def dispatch(self, request, *args, token: str, **kwargs):
        if token == TEST_TOKEN:
            return _test_link(request)
        self.subscriber, error = _subscriber_or_bad_link(self.purpose, token)
        if error:
            response = render(request, "newsletter/bad_link.html", {"error": error}, status=400)
        else:
            self.token = token
            response = super().dispatch(request, *args, token=token, **kwargs)
        return mark_personal(response)  # a person's own choices: never in any cache

    def get_context_data(self, **context) -> dict:
        return {"subscriber": self.subscriber, "token": self.token, **context}


class ConfirmView(SignedLinkMixin, PublicFormView):
    """The link of the confirmation mail: a button; once confirmed, the page says so."""

    purpose = "newsletter.confirm"
    form_class = forms.Form
    template_name = "newsletter/confirm.html"

    def get_template_names(self) -> list[str]:
        if self.subscriber.status == Subscriber.Status.CONFIRMED:
            return ["newsletter/confirmed.html"]
        return [self.template_name]

    def get_context_data(self, **context) -> dict:
        # The confirmed page links to the preferences, behind their own (longer-lived) link.
        return super().get_context_data(
            manage_token=services.manage_token(self.subscriber), **context
        )

    def act(self, form) -> Subscriber:
        return services.confirm(self.subscriber, **services.requested_in_link(self.token))

    def get_success_url(self, result) -> str:
        return self.request.path


class PreferencesView(SignedLinkMixin, PublicFormView):
    """The topics a subscriber receives, behind the link in every infolettre."""

    purpose = "newsletter.manage"
    form_class = PreferencesForm
    template_name = "newsletter/preferences.html"
    errors = (services.NewsletterError,)

    def get_form_kwargs(self) -> dict:
        return {"initial": {"topics": list(self.subscriber.topics.all())}}

    def get_context_data(self, **context) -> dict:
        return super().get_context_data(
            saved=self.request.GET.get("enregistre") == "1",
            subscribed=self.subscriber.status == Subscriber.Status.CONFIRMED,
            **context,
        )

    def act(self, form) -> Subscriber:
        return services.update_topics(self.subscriber, form.cleaned_data["topics"])

    def get_success_url(self, result) -> str:
        return f"{self.request.path}?enregistre=1"


# RFC 8058: mailbox providers POST from their own servers, with neither cookies nor token, many
# from the same addresses: no CSRF check and no per-IP limit; the signed token is the defence.
@cross_origin_endpoint
@csrf_exempt
@require_http_methods(["GET", "POST"])
@personal
def unsubscribe(request, token):
    if token == TEST_TOKEN:
        return _test_link(request)
    subscriber, error = _subscriber_or_bad_link("newsletter.manage", token)
    if error:
        return render(request, "newsletter/bad_link.html", {"error": error}, status=400)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(
            subscriber,
            source="désinscription en un clic" if one_click else "lien de désinscription",
        )
        if one_click:
            return HttpResponse(
                "Désinscription enregistrée.", content_type="text/plain; charset=utf-8"
            )
        return render(request, "newsletter/unsubscribed.html", {"token": token})
    return render(
        request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
    )


def archives(request):
    campaigns = Campaign.objects.archived().only("subject", "preheader", "slug", "sent_at")
    return render(request, "newsletter/archives.html", {"campaigns": campaigns})


def archive_detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.archived(), slug=slug)
    body_html = render_blocks(campaign.body, "web")
    return render(
        request, "newsletter/archive_detail.html", {"campaign": campaign, "body_html": body_html}
    )


def webhook(view):
    """Anymail's views, refused outright until a webhook secret is configured."""

    @cross_origin_endpoint
    @csrf_exempt
    def wrapped(request, *args, **kwargs):
        from django.conf import settings

        if not (getattr(settings, "ANYMAIL", {}) or {}).get("WEBHOOK_SECRET"):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
