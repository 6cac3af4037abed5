from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("theme.css", views.theme_css, name="theme_css"),
    path("recherche/", views.search, name="search"),
    path("actualites/flux.xml", views.news_feed, name="news_feed"),
]
