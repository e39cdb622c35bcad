"""QuoteDesk's domain and store.

Never imports Qt: the command line and the tests use it without a display.
"""
