from forgeapi_migrate.cli import entry_point

entry_point()
