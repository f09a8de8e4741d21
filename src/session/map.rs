//! Changes to the map being drawn.
//!
//! Two kinds of change, stored differently:
//! - a change that moves members (adding, removing, another circle or kind, ties, a drag)
//!   lays the map out again and stores the whole map, with every pending member edit folded
//!   in and those edits deleted, in one batch;
//! - a change to one member's details that leaves the picture as it is (name, notes,
//!   relationship, contact, support) stores only that field as a [`MemberEdit`], and runs no
//!   layout, so typing a name is cheap however big the map.

use std::collections::BTreeMap;

use genie_core::layout::{self, Geometry};
use genie_core::model::{MemberEdit, MemberField, MemberId, Network, Point, Wave};
use genie_core::store::{self, Write};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Session, StorageHealth};
use crate::platform;

impl Session {
    /// Changes the map, lays it out again, and stores it.
    pub fn update_network(self, change: impl FnOnce(&mut Network)) {
        let was_empty = self.wave_kept.with(|w| w.network.members.is_empty());
        let stored = self.wave_kept.change(|wave| {
            change(&mut wave.network);
            place_members(&mut wave.network);
        });
        self.store_wave(stored);
        // The first member is the moment there is something worth keeping: ask the browser
        // to keep it (most decide by themselves; a few ask the person).
        let has_members = self.wave_kept.with(|w| !w.network.members.is_empty());
        if was_empty && has_members && !self.asked_to_keep.get_value() {
            self.asked_to_keep.set_value(true);
            if self.health_rw.get_untracked() == StorageHealth::Ok {
                spawn_local(async {
                    let _ = platform::storage::ask_to_keep().await;
                });
            }
        }
    }

    /// Changes one field of one member without moving anyone, and stores just that field.
    pub fn edit_member(self, id: MemberId, field: MemberField) {
        let mut found = false;
        let writable = self.wave_kept.change_in_place(|wave| {
            if let Some(member) = wave.network.get_mut(id) {
                field.apply_to(member);
                found = true;
            }
        });
        if !found {
            return;
        }
        if !writable {
            self.writer.not_kept();
        } else if self.open_stored.get_value() {
            let wave = self.wave_kept.with(|w| w.id);
            self.persist(vec![Write::put(&MemberEdit {
                wave,
                member: id,
                change: field,
            })]);
        } else {
            // The map has no record yet: its first write is the whole map.
            self.store_wave(Some(self.wave_kept.get()));
        }
    }

    /// Changes the open wave's other parts (its self-ratings) and stores it.
    pub fn update_wave(self, change: impl FnOnce(&mut Wave)) {
        let stored = self.wave_kept.change(change);
        self.store_wave(stored);
    }

    fn store_wave(self, stored: Option<Wave>) {
        match stored {
            Some(wave) => {
                self.open_stored.set_value(true);
                self.persist(store::save_wave_writes(&wave));
            }
            None => self.writer.not_kept(),
        }
    }

    /// "Take stock": closes the map being drawn, keeps it as it is, and starts the next from a
    /// copy, so redrawing is editing. Both are stored in one transaction.
    pub fn take_stock(self) {
        if !self.wave_kept.writable() {
            self.writer.not_kept();
            return;
        }
        let mut closing = self.wave_kept.get();
        let next = closing.close_and_continue(platform::now());
        self.closed_kept
            .change_on_screen(|waves| waves.push(closing.clone()));
        self.wave_kept.set(next.clone());
        self.open_stored.set_value(true);
        self.last_removed_rw.set(None);
        // The closed wave first, so the unique "open" index never sees two open waves; its
        // member edits are folded into it and go with it.
        let mut batch = store::save_wave_writes(&closing);
        batch.push(Write::put(&next));
        self.persist(batch);
    }

    /// Every wave, oldest first, the open one last.
    pub fn all_waves(self) -> Vec<Wave> {
        let mut waves = self.closed_waves.get();
        waves.push(self.wave.get());
        waves
    }

    /// Removes a member, keeping it for [`Session::undo_remove`].
    pub fn remove_member(self, id: MemberId) -> Option<String> {
        let mut removed = None;
        self.update_network(|net| removed = net.remove(id));
        let name = removed.as_ref().map(|(member, _)| member.name.clone());
        self.last_removed_rw.set(removed);
        name
    }

    /// Puts back the member removed last.
    pub fn undo_remove(self) {
        if let Some((member, ties)) = self.last_removed_rw.get_untracked() {
            self.last_removed_rw.set(None);
            self.update_network(|net| net.restore(member, ties));
        }
    }
}

/// Runs the layout from where members were last drawn and records where each now sits.
fn place_members(network: &mut Network) {
    let previous: BTreeMap<MemberId, Point> = network
        .members
        .iter()
        .filter_map(|m| m.placed.map(|p| (m.id, p)))
        .collect();
    let geometry = Geometry::for_network(network);
    let positions = layout::layout(network, &previous, &geometry);
    for member in &mut network.members {
        member.placed = positions.get(&member.id).copied();
    }
}
