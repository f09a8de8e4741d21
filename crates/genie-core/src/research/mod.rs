//! De-identified exports of the network waves for an evaluator (CSV, GraphML, GEXF).
