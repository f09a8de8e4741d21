//! Distances on the Earth's surface.

/// The mean Earth radius, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The great-circle distance between two points given as (latitude, longitude) in degrees,
/// by the haversine formula. Good to a few metres at town scale, which is all matching needs.
pub fn haversine_km(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let dlat = lat2 - lat1;
    let dlon = lon2 - lon1;
    let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}
