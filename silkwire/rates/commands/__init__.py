"""``silkwire rates fetch|show|backfill``: one module per subcommand."""
