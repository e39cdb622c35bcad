"""QuoteDesk's windows and Qt item models. No SQL and no text rules: those live in model/."""
