//! Choosing activities to try, and their plans and check-ins. Each choice is its own record.

use genie_core::model::{Choice, ChoiceId, ChoiceStatus, EntryNote, Plan};
use genie_core::schema::Record;
use genie_core::store::Write;

use super::{ChooseError, Session};
use crate::platform;

impl Session {
    /// Chooses a resource to try. Refused when three are already being tried (the core's
    /// rule: stopped ones do not count).
    pub fn choose(
        self,
        resource_id: &str,
        resource_name: &str,
        resource_at: Option<genie_core::area::LatLon>,
    ) -> Result<usize, ChooseError> {
        let active = self
            .choices_kept
            .with(|cs| genie_core::model::can_choose(cs, resource_id))?;
        let id = ChoiceId(
            self.choices_kept
                .with(|cs| cs.iter().map(|c| c.id.0).max().unwrap_or(0))
                + 1,
        );
        let choice = Choice {
            id,
            resource_id: resource_id.to_string(),
            resource_name: resource_name.to_string(),
            resource_at,
            chosen_at: platform::now(),
            status: ChoiceStatus::Planned,
            plan: Plan::default(),
            check_ins: Vec::new(),
            entry_note: EntryNote::default(),
            check_in_draft: None,
            on_map: None,
        };
        let writable = self
            .choices_kept
            .change_in_place(|cs| cs.push(choice.clone()));
        self.persist_or_warn(writable.then(|| vec![Write::put(&choice)]));
        Ok(active)
    }

    /// Changes a choice (its plan, say) and stores it.
    pub fn update_choice(self, id: ChoiceId, change: impl FnOnce(&mut Choice)) {
        let mut changed = None;
        let writable = self.choices_kept.change_in_place(|cs| {
            if let Some(choice) = cs.iter_mut().find(|c| c.id == id) {
                change(choice);
                changed = Some(choice.clone());
            }
        });
        if let Some(choice) = changed {
            self.persist_or_warn(writable.then(|| vec![Write::put(&choice)]));
        }
    }

    /// Removes a choice altogether.
    pub fn remove_choice(self, id: ChoiceId) {
        let mut removed = None;
        let writable = self.choices_kept.change_in_place(|cs| {
            if let Some(index) = cs.iter().position(|c| c.id == id) {
                removed = Some(cs.remove(index));
            }
        });
        if let Some(choice) = removed {
            let key = choice.key();
            self.persist_or_warn(writable.then(|| vec![Write::delete::<Choice>(key)]));
        }
    }
}
