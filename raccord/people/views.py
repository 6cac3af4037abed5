"""The contact form, and `/mes-donnees/`: a person asks for a signed link, then downloads or
erases their data.

The request page gives the same answer whether the address is known or not; the link pages
only act on POST, and a tampered or expired token does nothing but explain itself.
"""

from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from raccord.core import outbox, signed_links
from raccord.core.protection import hit, public_form
from raccord.core.public_forms import PageFormView

from . import gdpr_registry, services
from .digests import digest_matches
from .forms import ContactForm, MyDataRequestForm
from .models import AuditEntry, Contact, email_digest, normalize_email
from .services import log


class ContactFormView(PageFormView):
    """The form of the contact page (`core.ContactPage`, `/nous-rencontrer/`)."""

    form_class = ContactForm
    rate = "10/h"  # with the ALTCHA proof of work
    strict_rate = "5/h"  # without it (no JavaScript): the limit the form always had
    errors = (services.ContactError,)

    def get_form_kwargs(self) -> dict:
        return {"consent_text": self.page.consent_text}

    def act(self, form):
        data = form.cleaned_data
        return services.receive_message(
            name=data["name"],
            email=data["email"],
            subject=data["subject"],
            message=data["message"],
            consent_wording=self.page.consent_text,
            source=self.page.url,
        )

    def get_success_url(self, result) -> str:
        return self.page.url + "?envoye=1"


PURPOSE = "people.my_data"
LINK_LIFETIME = timedelta(hours=24)


def settings_url(path: str) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def make_token(contact: Contact) -> str:
    return signed_links.make(
        PURPOSE, {"c": contact.pk, "h": contact.email_digest}, max_age=LINK_LIFETIME
    )


class AlreadyErased(signed_links.BadLink):
    def __init__(self):
        super().__init__("Les données liées à ce lien ont déjà été effacées.")


def contact_for_token(token: str) -> Contact:
    """The person a link was made for; BadLink if altered, expired, or the data is already gone."""
    value = signed_links.read(PURPOSE, token)
    if not isinstance(value, dict):
        raise signed_links.BadLink()
    contact = Contact.objects.filter(pk=value.get("c")).first()
    if contact is None or contact.is_erased:
        raise AlreadyErased()
    if not digest_matches(contact.email, value.get("h")):  # links made before the new key too
        raise signed_links.BadLink()
    return contact


def private(view):
    """Pages reached through a personal link: never cached, never indexed, no referrer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


@public_form("people.my_data", limit=5, period=3600)
@require_http_methods(["GET", "HEAD", "POST"])
def my_data(request):
    if request.method == "POST":
        form = MyDataRequestForm(request.POST)
        if form.is_valid():
            email = normalize_email(form.cleaned_data["email"])
            contact = Contact.objects.active().filter(email=email).first()
            # At most three links an hour per address, silently: no mail bombing, same answer.
            if contact and hit("people.my_data.address", email_digest(email), limit=3, period=3600):
                link = settings_url(reverse("people_my_data_access", args=[make_token(contact)]))
                outbox.send("people/my_data_link", to=contact, context={"link": link, "hours": 24})
                log(AuditEntry.Action.SELF_LINK, contact)
            return redirect("people_my_data_sent")
        if form.caught_by_honeypot:
            return redirect("people_my_data_sent")
    else:
        form = MyDataRequestForm()
    return render(request, "people/my_data.html", {"form": form})


def my_data_sent(request):
    return render(request, "people/my_data_sent.html")


def _bad_link(request, error):
    return render(request, "people/my_data_bad_link.html", {"error": str(error)}, status=400)


@private
@public_form("people.my_data_access", limit=30, period=3600)
@require_http_methods(["GET", "HEAD", "POST"])
def my_data_access(request, token):
    try:
        contact = contact_for_token(token)
    except signed_links.BadLink as error:
        return _bad_link(request, error)
    if request.method == "POST":
        fmt = request.POST.get("format")
        if fmt == "csv":
            body, mimetype, ext = gdpr_registry.export_csv(contact), "text/csv", "csv"
        else:
            body, mimetype, ext = gdpr_registry.export_json(contact), "application/json", "json"
        log(AuditEntry.Action.SELF_EXPORT, contact, format=ext)
        response = HttpResponse(body, content_type=f"{mimetype}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mes-donnees-on-est-raccord.{ext}"'
        return response
    return render(request, "people/my_data_access.html", {"contact": contact, "token": token})


@private
@public_form("people.my_data_erase", limit=10, period=3600)
@require_http_methods(["GET", "HEAD", "POST"])
def my_data_erase(request, token):
    try:
        contact = contact_for_token(token)
    except AlreadyErased:
        return render(request, "people/my_data_erased.html")  # a second click changes nothing
    except signed_links.BadLink as error:
        return _bad_link(request, error)
    if request.method == "POST" and request.POST.get("confirm") == "oui":
        gdpr_registry.erase(contact, action=AuditEntry.Action.SELF_ERASE)
        return render(request, "people/my_data_erased.html")
    return render(request, "people/my_data_erase.html", {"contact": contact, "token": token})
