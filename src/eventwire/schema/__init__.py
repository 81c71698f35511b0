"""The shipped JSON Schema of the output contract."""
