"""Path converters the apps' addresses share."""

from django.urls import register_converter

# The largest id a 64-bit database column holds (BigAutoField on PostgreSQL and SQLite).
MAX_ID = 2**63 - 1


class DatabaseId:
    """A row id in an address (`<id:pk>`): digits that fit a 64-bit column. A longer number is
    no match, so the address is a 404 like any other missing object, not a number SQLite cannot
    bind (Django guards lookups on integer fields against that, not those through a page's
    `page_ptr` key)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value):
        return str(value)


def register():
    register_converter(DatabaseId, "id")
