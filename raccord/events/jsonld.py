"""schema.org Event data for event pages: search engines and agendas read it."""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from raccord.core import identity


def event_jsonld(event, request=None, remaining=None) -> str:
    url = event.get_full_url(request) if event.pk else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": url,
        "organizer": {
            "@type": "Organization",
            "name": identity.current(request).name,
            "url": settings.RACCORD_SITE_URL,
        },
    }
    if event.intro:
        data["description"] = event.intro
    if event.venue_id and event.venue:
        venue = event.venue
        data["location"] = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.address,
                "postalCode": venue.postcode,
                "addressLocality": venue.city,
                "addressCountry": "FR",
            },
        }
    if event.registration_enabled:
        offer = {
            "@type": "Offer",
            "url": url,
            "priceCurrency": "EUR",
            "price": str(event.price) if event.price_kind == "fixed" and event.price else "0",
        }
        if event.capacity is not None and remaining is not None:
            offer["availability"] = (
                "https://schema.org/InStock" if remaining else "https://schema.org/SoldOut"
            )
        data["offers"] = offer
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        if remaining is not None:
            data["remainingAttendeeCapacity"] = remaining
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(text)
