"""Admin tools around people: GDPR look-up, export and erasure, merge, CSV import, audit log."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import gdpr_registry, services
from .forms import ImportForm, LookupForm, MergeForm
from .models import AuditEntry, Contact, normalize_email
from .views import export_download

IMPORT_SALT = "raccord.people.import"


class AdminView(WagtailAdminTemplateMixin, TemplateView):
    """A Wagtail admin page for the team; reserved to people allowed to edit contacts."""

    permission = "people.change_contact"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class GdprLookupView(AdminView):
    """Find a person by email and see everything every module holds about them."""

    template_name = "people/admin/gdpr_lookup.html"
    page_title = "Données personnelles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = LookupForm(self.request.GET or None)
        contact = None
        if form.is_valid():
            contact = Contact.objects.filter(
                email=normalize_email(form.cleaned_data["email"])
            ).first()
            if contact is not None:
                services.log(AuditEntry.Action.LOOKUP, contact, user=self.request.user)
        elif "contact" in self.request.GET:
            contact = Contact.objects.filter(pk=self.request.GET["contact"]).first()
            if contact:
                form = LookupForm(initial={"email": contact.email})
                services.log(AuditEntry.Action.LOOKUP, contact, user=self.request.user)
        context.update(
            form=form,
            searched=form.is_bound and form.is_valid(),
            contact=contact,
            sections=gdpr_registry.overview(contact) if contact else [],
            linked=services.linked_rows_display(contact) if contact else [],
        )
        return context


def gdpr_export(request, pk, fmt):
    """POST only: the person's data as a file, recorded in the audit log."""
    if request.method != "POST" or not request.user.has_perm("people.change_contact"):
        raise PermissionDenied
    contact = get_object_or_404(Contact, pk=pk)
    response, fmt = export_download(contact, fmt, f"donnees-contact-{contact.pk}")
    action = AuditEntry.Action.EXPORT_CSV if fmt == "csv" else AuditEntry.Action.EXPORT_JSON
    services.log(action, contact, user=request.user)
    return response


class GdprEraseView(AdminView):
    template_name = "people/admin/gdpr_erase.html"
    page_title = "Effacer les données d’une personne"
    permission = "people.delete_contact"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contact = get_object_or_404(Contact, pk=self.kwargs["pk"], erased_at__isnull=True)
        context.update(contact=contact, linked=services.linked_rows_display(contact))
        return context

    def post(self, request, pk):
        contact = get_object_or_404(Contact, pk=pk, erased_at__isnull=True)
        if request.POST.get("confirm") != "oui":
            return redirect(request.path)
        report = gdpr_registry.erase(contact, user=request.user)
        if report.app_errors:
            messages.warning(
                request,
                "Effacement fait, mais ces modules ont échoué : "
                + ", ".join(report.app_errors)
                + ". Le journal RGPD garde la trace.",
            )
        elif report.remaining:
            messages.success(
                request,
                "Données effacées. La fiche reste sous forme anonyme pour garder les comptes justes "
                f"({sum(report.remaining.values())} ligne(s) y renvoient encore).",
            )
        else:
            messages.success(request, "Données effacées ; la fiche contact a été supprimée.")
        return redirect("people_gdpr_lookup")


class MergeView(AdminView):
    """Pick two contacts, see what moves, then merge."""

    template_name = "people/admin/merge.html"
    page_title = "Fusionner deux contacts"
    header_icon = "resubmit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or MergeForm(self.request.GET or None)
        preview = None
        if form.is_bound and form.is_valid():
            keep, duplicate = form.cleaned_data["keep"], form.cleaned_data["duplicate"]
            preview = {
                "keep": keep,
                "duplicate": duplicate,
                "keep_rows": services.linked_rows_display(keep),
                "duplicate_rows": services.linked_rows_display(duplicate),
            }
        context.update(form=form, preview=preview, duplicates=services.duplicate_groups())
        return context

    def post(self, request):
        if request.POST.get("all_duplicates"):
            count = services.merge_all_duplicates(user=request.user)
            messages.success(request, f"{count} doublon(s) fusionné(s).")
            return redirect("people_merge")
        form = MergeForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        keep = form.cleaned_data["keep"]
        try:
            report = services.merge_contacts(
                keep, form.cleaned_data["duplicate"], user=request.user
            )
        except services.PeopleError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        moved = sum(report.moved.values())
        messages.success(request, f"Contacts fusionnés : {moved} élément(s) rattaché(s) à {keep}.")
        return redirect(reverse("contact:edit", args=[keep.pk]))


class ImportView(AdminView):
    """CSV import in two steps: a dry-run preview with per-row errors, then the real import."""

    template_name = "people/admin/import.html"
    page_title = "Importer des contacts ou des organisations"
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["contact_columns"] = services.CONTACT_COLUMNS
        context["organisation_columns"] = services.ORGANISATION_COLUMNS
        return context

    def _run(self, kind, text, *, dry_run):
        run = services.import_contacts if kind == "contacts" else services.import_organisations
        return run(text, dry_run=dry_run, user=self.request.user)

    def post(self, request):
        if "payload" in request.POST:
            try:
                payload = signing.loads(request.POST["payload"], salt=IMPORT_SALT, max_age=3600)
            except signing.BadSignature:
                messages.error(request, "L’aperçu a expiré : chargez le fichier à nouveau.")
                return redirect("people_import")
            try:
                report = self._run(payload["kind"], payload["text"], dry_run=False)
            except services.PeopleError as error:
                messages.error(request, str(error))
                return redirect("people_import")
            if report.applied:
                messages.success(
                    request,
                    f"Import terminé : {report.created} création(s), {report.updated} mise(s) à jour.",
                )
                return redirect("people_import")
            return self.render_to_response(self.get_context_data(report=report))
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        kind, text = form.cleaned_data["kind"], form.cleaned_data["file"]
        try:
            report = self._run(kind, text, dry_run=True)
        except services.PeopleError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        payload = signing.dumps({"kind": kind, "text": text}, salt=IMPORT_SALT, compress=True)
        return self.render_to_response(
            self.get_context_data(form=form, report=report, payload=payload)
        )


class AuditLogView(AdminView):
    template_name = "people/admin/audit_log.html"
    page_title = "Journal RGPD"
    header_icon = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = AuditEntry.objects.select_related("user")
        action = self.request.GET.get("action")
        if action in AuditEntry.Action.values:
            entries = entries.filter(action=action)
        page = Paginator(entries, 50).get_page(self.request.GET.get("p"))
        context.update(page=page, actions=AuditEntry.Action.choices, current_action=action)
        return context
