//! A small schematic map of suggestions around home, drawn on the device from the directory's
//! coordinates: no map tiles, nothing fetched from anywhere else.

use genie_core::area::LatLon;
use leptos::prelude::*;

use crate::i18n::*;

/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.2;
/// Map units per kilometre, so SVG numbers stay comfortable.
const UNITS_PER_KM: f64 = 100.0;

/// One numbered place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct NearbyPlace {
    /// Its number in the list below the map (from 1).
    pub number: usize,
    pub name: String,
    pub at: LatLon,
}

/// Where `at` is relative to `home`, in map units (east is +x, north is -y).
fn project(home: LatLon, at: LatLon) -> (f64, f64) {
    let x = (at.lon - home.lon) * KM_PER_DEGREE * home.lat.to_radians().cos();
    let y = -(at.lat - home.lat) * KM_PER_DEGREE;
    (x * UNITS_PER_KM, y * UNITS_PER_KM)
}

/// Home in the middle, a ring for each whole kilometre, and a numbered dot per place.
#[component]
pub fn NearbyMap(
    /// Where the person lives.
    home: LatLon,
    /// The places to show, numbered as in the list.
    places: Vec<NearbyPlace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let points: Vec<(NearbyPlace, f64, f64)> = places
        .into_iter()
        .map(|p| {
            let (x, y) = project(home, p.at);
            (p, x, y)
        })
        .filter(|(_, x, y)| x.is_finite() && y.is_finite())
        .collect();
    let furthest_km = points
        .iter()
        .map(|(_, x, y)| x.hypot(*y) / UNITS_PER_KM)
        .fold(1.0_f64, f64::max);
    let rings_km: Vec<u32> = (1..=furthest_km.ceil() as u32).collect();
    let r = (furthest_km.ceil() + 0.3) * UNITS_PER_KM;
    let view_box = format!("{} {} {} {}", -r, -r, 2.0 * r, 2.0 * r);
    let font = r / 14.0;
    let rings = rings_km
        .into_iter()
        .map(|km| {
            let radius = f64::from(km) * UNITS_PER_KM;
            view! {
                <circle r=radius fill="none" stroke="#8aa4c8" stroke-width=font / 8.0 />
                <text x="0" y=-radius - font / 4.0 text-anchor="middle" font-size=font * 0.8 fill="#2b3a55">
                    {move || {
                        let locale = i18n.get_locale();
                        td_string!(locale, suggest.map_km, km = intl::number(locale, f64::from(km)))
                    }}
                </text>
            }
        })
        .collect_view();
    let dots = points
        .into_iter()
        .map(|(place, x, y)| {
            view! {
                <g transform=format!("translate({x:.1} {y:.1})")>
                    <title>
                        {move || {
                            t_string!(i18n, suggest.map_place, number = place.number, name = place.name.clone())
                        }}
                    </title>
                    <circle r=font * 0.75 fill="#1d4e89" stroke="#ffffff" stroke-width=font / 8.0 />
                    <text y=font * 0.3 text-anchor="middle" font-size=font * 0.8 font-weight="700" fill="#ffffff">
                        {place.number}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="nearby-map"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=view_box
            role="img"
            aria-label=move || t_string!(i18n, suggest.map_label)
            data-testid="nearby-map"
        >
            {rings}
            <rect x=-font / 2.0 y=-font / 2.0 width=font height=font fill="#c2410c" />
            <text y=font * 1.4 text-anchor="middle" font-size=font * 0.8 fill="#1a1a1a">
                {move || t_string!(i18n, suggest.map_home)}
            </text>
            {dots}
        </svg>
    }
}
