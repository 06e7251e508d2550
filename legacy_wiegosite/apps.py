from django.apps import AppConfig


class LegacyWiegositeConfig(AppConfig):
    """The migration history of the models that lived in the `wiegosite` project package before
    the site was split into apps (core, home, places, search, standard_pages).

    It has no models: its migrations created the tables (kept, each model naming its old table in
    `db_table`), and its last migration hands the models over to their new apps. It keeps the
    label "wiegosite" so that databases built before the split migrate forward.
    """

    name = "legacy_wiegosite"
    label = "wiegosite"
    verbose_name = "Migration history of the former wiegosite app"
