"""British English spelling with FOI vocabulary: word lists, tokens, issues and suggestions."""
