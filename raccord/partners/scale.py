"""`load_demo --scale N`: organisations and contacts in volume, for query-budget checks."""

from raccord.people.models import Contact

from .models import Organisation


def load(ctx) -> None:
    existing = set(Organisation.objects.values_list("slug", flat=True))
    new = [
        Organisation(
            name=f"Organisation de mesure {i}",
            slug=f"organisation-de-mesure-{i}",
            is_public=True,
            circle=Organisation.Circle.COMPANION,
        )
        for i in range(ctx.scale * 20)
        if f"organisation-de-mesure-{i}" not in existing
    ]
    Organisation.objects.bulk_create(new)
    Contact.objects.bulk_create(
        [
            Contact(email=f"personne-{i}@example.org", name=f"Personne {i}")
            for i in range(ctx.scale * 200)
        ],
        ignore_conflicts=True,
    )
