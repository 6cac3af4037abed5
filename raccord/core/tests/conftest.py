import pytest


@pytest.fixture
def demo_site(db):
    """The core demo content (home, collective, news, contact, legal pages), as `make run` loads it."""
    from raccord.core import demo
    from raccord.core.demo_support import DemoContext

    ctx = DemoContext()
    demo.load(ctx)
    return ctx


@pytest.fixture
def news_index(demo_site):
    from raccord.core.models import NewsIndexPage

    return NewsIndexPage.objects.get()


@pytest.fixture
def add_news(news_index):
    """`add_news(n)` publishes n more news posts under /actualites/."""
    from datetime import date, timedelta

    from raccord.core.models import NewsPage

    def add(count: int):
        start = NewsPage.objects.count()
        for i in range(start, start + count):
            post = NewsPage(
                title=f"Nouvelle numéro {i}",
                slug=f"nouvelle-{i}",
                date=date(2024, 1, 1) + timedelta(days=i),
                intro=f"Le chapô de la nouvelle {i}.",
            )
            news_index.add_child(instance=post)
            post.save_revision().publish()

    return add
