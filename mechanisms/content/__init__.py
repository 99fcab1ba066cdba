"""The content: the schema of a graph file, loading it, its checks, its references and reading grade."""
