//! The network summary: counts, who carries which support, weak ties, and the network type.
