//! Follow-up over time: what is due, self-ratings, and what changed between two maps.
