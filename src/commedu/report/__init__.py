"""Reports built from a plan, its ledger and the compliance results: the year-end inspection."""
