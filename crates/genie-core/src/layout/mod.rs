//! Where members sit on the map: a ring-constrained force layout.
