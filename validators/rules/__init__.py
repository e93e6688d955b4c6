"""The rules: each is `(ctx: CheckContext) -> list[Flag]` and raises one flag code."""
