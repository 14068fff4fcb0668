"""Plan files: TOML or JSON a clerk writes by hand, read into the model and written back."""
