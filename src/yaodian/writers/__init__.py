"""Writers: one module per output format, each a function of the model and a destination."""
