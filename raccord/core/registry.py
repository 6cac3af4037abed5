"""Extension points: what core and people must know about the apps above them.

Lower layers never import higher ones (docs/architecture.md, `.importlinter`). When core needs
something an app owns (a GDPR exporter, a dashboard panel, which pages show a model, a demo
loader, a periodic job), the app adds it here from its `AppConfig.ready()`::

    from raccord.core import registry

    registry.gdpr.add(GdprSection("events", "Soirées", export=gdpr.export, erase=gdpr.erase))
    registry.purge.on(Venue, pages=lambda venue: EventPage.objects.filter(venue=venue))
    registry.demo.add("events", demo.load)

Apps become ready in `INSTALLED_APPS` order, which follows the layers, so every registry lists
its entries from the lowest app to the highest: the order demo loaders need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """An ordered list of entries, each with a unique name; adding a name twice replaces it."""

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, T] = {}

    def add(self, key: str, entry: T) -> T:
        self._entries.pop(key, None)
        self._entries[key] = entry
        return entry

    def get(self, key: str) -> T | None:
        return self._entries.get(key)

    def keys(self) -> list[str]:
        return list(self._entries)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {', '.join(self._entries)}>"


# --- GDPR ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GdprSection:
    """What one app holds about a person: `export(contact) -> dict`, `erase(contact)`."""

    label: str  # the app label, also the key of its part in the export
    title: str  # what a person reads: « Soirées », « Infolettre »…
    export: Callable[[Any], dict]
    erase: Callable[[Any], None]


class GdprRegistry(Registry[GdprSection]):
    def add_section(self, section: GdprSection) -> GdprSection:
        return self.add(section.label, section)


# --- Page cache purges -------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeRule:
    """Saving or deleting `model` changes what these pages show.

    `pages(instance)` returns the pages showing it (their views mounted under them included),
    `paths(instance)` other paths (`/soirees/agenda.ics`…); with neither, every page is purged:
    for models shown in shared places (menus, footer, the home page).
    """

    model: type
    paths: Callable[[Any], Iterable[str]] | None = None
    pages: Callable[[Any], Iterable[Any]] | None = None

    @property
    def everything(self) -> bool:
        return self.paths is None and self.pages is None


class PurgeRegistry(Registry[PurgeRule]):
    """Several apps may declare rules for one model (an organisation shows on /partenaires/
    and on the residencies it funds): each rule is kept, under its own key."""

    def on(
        self,
        model: type,
        paths: Callable[[Any], Iterable[str]] | None = None,
        *,
        pages: Callable[[Any], Iterable[Any]] | None = None,
    ) -> PurgeRule:
        where = [
            f"{f.__module__}.{f.__qualname__}:{f.__code__.co_firstlineno}"
            for f in (paths, pages)
            if f is not None and hasattr(f, "__code__")
        ]
        key = f"{model._meta.label_lower}|{'|'.join(where) or 'all'}"
        return self.add(key, PurgeRule(model, paths, pages))

    def rules_for(self, model: type) -> list[PurgeRule]:
        label = model._meta.label_lower
        return [rule for key, rule in self._entries.items() if key.split("|", 1)[0] == label]


# --- Loaders, jobs, panels -----------------------------------------------------------------------


@dataclass(frozen=True)
class Loader:
    """Content an app adds: `load(ctx)` must be idempotent (a second run changes nothing)."""

    label: str
    load: Callable[[Any], None]


class LoaderRegistry(Registry[Loader]):
    def add_loader(self, label: str, load: Callable[[Any], None]) -> Loader:
        return self.add(label, Loader(label, load))


@dataclass(frozen=True)
class Job:
    """A management command the worker host runs on a schedule (systemd timers, `make run`)."""

    name: str  # unique, used for the systemd unit: raccord-<name>.timer
    command: str  # manage.py command with its arguments, e.g. "send_reminders"
    every: str  # systemd OnCalendar expression, e.g. "*:0/15" or "daily"
    description: str = ""
    interval_seconds: int = 900  # how often the development runner (`make run`) runs it


class JobRegistry(Registry[Job]):
    def add_job(self, job: Job) -> Job:
        return self.add(job.name, job)


@dataclass(frozen=True)
class Panel:
    """One block of the admin home: `render(request) -> component or None`, by `order`."""

    name: str
    order: int
    component: Callable[[Any], Any]


class PanelRegistry(Registry[Panel]):
    def add_panel(self, name: str, component: Callable[[Any], Any], *, order: int = 100) -> Panel:
        return self.add(name, Panel(name, order, component))

    def __iter__(self) -> Iterator[Panel]:
        return iter(sorted(self._entries.values(), key=lambda panel: panel.order))


@dataclass(frozen=True)
class RequestSource:
    """A kind of request arriving from the public site, counted on the admin home."""

    label: str
    new_items: Callable[[], Any]  # -> queryset of the requests still to handle
    admin_url: Callable[[], str]
    describe: Callable[[Any], str] = str
    date_field: str = "created_at"


@dataclass(frozen=True)
class SitemapSection:
    """URLs outside the page tree (archives, API docs…): `items()` -> [(path, lastmod)]."""

    name: str
    items: Callable[[], Iterable[tuple[str, Any]]]


@dataclass(frozen=True)
class PersonFileSection:
    """One kind of activity on a person's file in the admin: `entries(contact)` -> list."""

    name: str
    title: str
    entries: Callable[[Any], Iterable[Any]]


@dataclass(frozen=True)
class PageRoute:
    """A view mounted under a page (core.models.RoutedPage), so models never import views.

    `view(page, request, *args, **kwargs)`, e.g. `ContactFormView.as_page_view()`.
    """

    model: type
    pattern: str  # django.urls.path() syntax, relative to the page: "", "merci/"
    name: str
    view: Callable[..., Any]


class PageRouteRegistry(Registry[PageRoute]):
    def add_route(
        self, model: type, pattern: str, view: Callable[..., Any], *, name: str
    ) -> PageRoute:
        return self.add(f"{model._meta.label_lower}:{name}", PageRoute(model, pattern, name, view))

    def for_model(self, model: type) -> list[PageRoute]:
        return [route for route in self if issubclass(model, route.model)]


@dataclass(frozen=True)
class PageKind:
    """A kind of page other apps may point at without naming its app: "film", "soiree"…"""

    kind: str
    model: type


@dataclass
class _Registries:
    gdpr: GdprRegistry = field(default_factory=lambda: GdprRegistry("gdpr"))
    purge: PurgeRegistry = field(default_factory=lambda: PurgeRegistry("purge"))
    demo: LoaderRegistry = field(default_factory=lambda: LoaderRegistry("demo"))
    bootstrap: LoaderRegistry = field(default_factory=lambda: LoaderRegistry("bootstrap"))
    jobs: JobRegistry = field(default_factory=lambda: JobRegistry("jobs"))
    dashboard: PanelRegistry = field(default_factory=lambda: PanelRegistry("dashboard"))
    requests: Registry[RequestSource] = field(default_factory=lambda: Registry("requests"))
    sitemap: Registry[SitemapSection] = field(default_factory=lambda: Registry("sitemap"))
    person_file: Registry[PersonFileSection] = field(
        default_factory=lambda: Registry("person_file")
    )
    page_routes: PageRouteRegistry = field(default_factory=lambda: PageRouteRegistry("routes"))
    page_kinds: Registry[PageKind] = field(default_factory=lambda: Registry("page_kinds"))
    scale: LoaderRegistry = field(default_factory=lambda: LoaderRegistry("scale"))


_all = _Registries()

gdpr = _all.gdpr
purge = _all.purge
demo = _all.demo
bootstrap = _all.bootstrap
jobs = _all.jobs
dashboard = _all.dashboard
requests = _all.requests
sitemap = _all.sitemap
person_file = _all.person_file
page_routes = _all.page_routes
page_kinds = _all.page_kinds
scale = _all.scale
