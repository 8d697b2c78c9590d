"""Training the learned parts of the coder from annotated articles (``communique train``)."""
