"""Reporters: render results as text, JSON, SARIF… They never look at syntax."""
