"""The web explorer (`parley serve`): see app.create_app."""
