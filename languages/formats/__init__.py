"""The site's own date formats (`FORMAT_MODULE_PATH`), where Django's defaults for a language
read wrong on this site. Only display formats are changed; the language codes stay as they are
(`en`, with its `/en/` addresses)."""
