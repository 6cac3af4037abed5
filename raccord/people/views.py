"""The contact form, and `/mes-donnees/`: a person asks for a signed link, then downloads or
erases their data.

The request form goes through the public-form pipeline with a neutral answer: the same page
whether the address is known or not. The link pages are `SignedLinkView`s: they act only on
POST, and a tampered or expired token does nothing but explain itself.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator

from raccord.core.page_cache import personal
from raccord.core.public_forms import PageFormView, PublicFormView
from raccord.core.signed_link_view import SignedLinkView

from . import gdpr_registry, services
from .forms import ContactForm, MyDataRequestForm
from .models import AuditEntry


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


def export_download(contact, fmt: str, filename: str) -> tuple[HttpResponse, str]:
    """The person's data as a CSV file when asked, JSON otherwise; also says which it gave."""
    if fmt == "csv":
        body, mimetype = gdpr_registry.export_csv(contact), "text/csv"
    else:
        fmt, body, mimetype = "json", gdpr_registry.export_json(contact), "application/json"
    response = HttpResponse(body, content_type=f"{mimetype}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response, fmt


# The whole of /mes-donnees/ is about one person's data: never in any cache.
@method_decorator(personal, name="dispatch")
class MyDataView(PublicFormView):
    form_class = MyDataRequestForm
    template_name = "people/my_data.html"
    scope = "people.my_data"
    rate = "5/h"
    strict_rate = "3/h"
    address_field = "email"  # at most three links an hour per address, silently
    neutral = True  # same answer, known address or not
    success_url = reverse_lazy("people_my_data_sent")

    def act(self, form):
        services.send_my_data_link(form.cleaned_data["email"])


@personal
def my_data_sent(request):
    return render(request, "people/my_data_sent.html")


class MyDataLinkView(SignedLinkView):
    bad_link_template = "people/my_data_bad_link.html"

    def read(self, token):
        return services.contact_for_my_data_token(token)

    def get_context_data(self, *, target, token):
        return {"contact": target, "token": token}


class MyDataAccessView(MyDataLinkView):
    template_name = "people/my_data_access.html"
    scope = "people.my_data_access"

    def act(self, contact):
        fmt = self.request.POST.get("format", "")
        response, fmt = export_download(contact, fmt, "mes-donnees-on-est-raccord")
        services.log(AuditEntry.Action.SELF_EXPORT, contact, format=fmt)
        return response


class MyDataEraseView(MyDataLinkView):
    template_name = "people/my_data_erase.html"
    scope = "people.my_data_erase"
    rate = "10/h"

    def bad_link(self, error):
        if isinstance(error, services.AlreadyErased):
            return self.render("people/my_data_erased.html", {})  # a second click changes nothing
        return super().bad_link(error)

    def act(self, contact):
        if self.request.POST.get("confirm") != "oui":
            return self.render(
                self.template_name, self.get_context_data(target=contact, token=self.token)
            )
        gdpr_registry.erase(contact, action=AuditEntry.Action.SELF_ERASE)
        return self.render("people/my_data_erased.html", {})
