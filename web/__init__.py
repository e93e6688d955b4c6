"""The review web application (issue 5): agents review and decide dossiers, administrators
rerun failures. Server-rendered pages on top of storage/ and pipeline/."""
