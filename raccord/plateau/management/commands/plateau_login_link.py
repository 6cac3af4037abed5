"""Print a login link for a crew member (demo, support): `manage.py plateau_login_link EMAIL`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from raccord.people.models import normalize_email
from raccord.plateau.models import CrewMember
from raccord.plateau.services import LOGIN_MAX_AGE, login_token


class Command(BaseCommand):
    help = "Affiche un lien de connexion au Plateau coopératif pour un·e membre actif·ve."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        members = CrewMember.objects.active().filter(contact__email=normalize_email(email))
        if not members:
            raise CommandError("Aucun·e membre actif·ve avec cette adresse.")
        minutes = int(LOGIN_MAX_AGE.total_seconds() // 60)
        for member in members.select_related("production"):
            url = settings.RACCORD_SITE_URL.rstrip("/") + reverse(
                "plateau:login_confirm", args=[login_token(member)]
            )
            self.stdout.write(f"{member.production.title} ({minutes} min, un seul usage) :")
            self.stdout.write(url)
