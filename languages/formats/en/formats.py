"""English dates in the British form, matching the site's spelling and its `en_GB` Open Graph
locale: "1 May 2023", not Django's American "May 1, 2023"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
