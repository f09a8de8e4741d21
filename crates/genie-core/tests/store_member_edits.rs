//! Member edits: one field of one member stored on its own, folded into its map when read,
//! in a backup, and when the whole map is stored again.

mod common;

use std::collections::BTreeSet;

use common::block_on;
use genie_core::backup;
use genie_core::model::*;
use genie_core::schema::{self, Record};
use genie_core::store::*;

fn map_with_pat() -> (Wave, MemberId) {
    let mut wave = Wave::first(Timestamp(1));
    let pat = wave.network.add("Pat", MemberKind::Person, Circle::Inner);
    wave.network.add("Choir", MemberKind::Group, Circle::Middle);
    (wave, pat)
}

fn edit(wave: &Wave, member: MemberId, change: MemberField) -> MemberEdit {
    MemberEdit {
        wave: wave.id,
        member,
        change,
    }
}

#[test]
fn each_field_has_its_own_key_so_a_later_edit_replaces_an_earlier_one() {
    let (wave, pat) = map_with_pat();
    let name = edit(&wave, pat, MemberField::Name("Patricia".into()));
    let again = edit(&wave, pat, MemberField::Name("Patty".into()));
    let notes = edit(&wave, pat, MemberField::Notes("likes tea".into()));
    assert_eq!(name.key(), again.key());
    assert_ne!(name.key(), notes.key());
    assert!(name.key().starts_with(&MemberEdit::wave_prefix(wave.id)));
    assert_eq!(name.key(), format!("00000001/{:08}/name", pat.0));
}

#[test]
fn an_edit_round_trips_through_its_envelope() {
    let (wave, pat) = map_with_pat();
    for change in [
        MemberField::Name("Pat O'Neill".into()),
        MemberField::Notes("Rings on Sundays".into()),
        MemberField::Relationship(Some(Relationship::Friend)),
        MemberField::Relationship(None),
        MemberField::Contact(Some(ContactFrequency::Weekly)),
        MemberField::Gives(BTreeSet::from([SupportTask::Shopping, SupportTask::Lifts])),
        MemberField::Receives(BTreeSet::from([SupportArea::Emotional])),
    ] {
        let stored = edit(&wave, pat, change);
        let back: MemberEdit = schema::decode(&schema::encode(&stored)).expect("decodes");
        assert_eq!(back, stored);
    }
}

#[test]
fn edits_fold_into_their_own_open_map_only() {
    let (mut wave, pat) = map_with_pat();
    let mut other = wave.clone();
    other.id = WaveId(2);
    assert!(wave.apply_edit(&edit(&wave, pat, MemberField::Notes("tea".into()))));
    assert_eq!(wave.network.get(pat).map(|m| m.notes.as_str()), Some("tea"));
    // Another map's edit, an edit of a member no longer there, an edit to a closed map.
    assert!(!wave.apply_edit(&edit(&other, pat, MemberField::Notes("x".into()))));
    assert!(!wave.apply_edit(&edit(&wave, MemberId(99), MemberField::Notes("x".into()))));
    let mut closed = wave.clone();
    closed.closed_at = Some(Timestamp(5));
    assert!(!closed.apply_edit(&edit(&wave, pat, MemberField::Notes("y".into()))));
    // The same value again changes nothing.
    assert!(!wave.apply_edit(&edit(&wave, pat, MemberField::Notes("tea".into()))));
}

#[test]
fn a_relationship_is_kept_for_people_only() {
    let (mut wave, _pat) = map_with_pat();
    let choir = wave.network.members[1].id;
    wave.apply_edit(&edit(
        &wave,
        choir,
        MemberField::Relationship(Some(Relationship::Friend)),
    ));
    assert_eq!(wave.network.get(choir).and_then(|m| m.relationship), None);
}

#[test]
fn a_stored_map_is_read_with_its_edits_and_a_whole_save_folds_them_away() {
    block_on(async {
        let repo = MemoryRepository::new();
        let (wave, pat) = map_with_pat();
        repo.write(save_wave_writes(&wave)).await.expect("saves");
        let name = edit(&wave, pat, MemberField::Name("Patricia".into()));
        let notes = edit(&wave, pat, MemberField::Notes("likes tea".into()));
        // Small writes: one field each, whatever the size of the map.
        let small = Write::put(&name).stored_bytes();
        let mut bigger = wave.clone();
        for i in 0..30 {
            bigger
                .network
                .add(format!("Member {i}"), MemberKind::Person, Circle::Outer);
        }
        let whole = Write::put(&bigger).stored_bytes();
        assert!(
            small * 10 < whole,
            "an edit is {small} bytes, a 32-member map {whole}"
        );
        repo.write(vec![Write::put(&name)]).await.expect("saves");
        repo.write(vec![Write::put(&notes)]).await.expect("saves");

        let (waves, bad) = load_waves(&repo).await.expect("reads");
        assert!(bad.is_empty());
        let read = waves[0].network.get(pat).cloned().expect("Pat");
        assert_eq!(
            (read.name.as_str(), read.notes.as_str()),
            ("Patricia", "likes tea")
        );
        // The map's own record is still the old one until the whole map is stored again.
        let (plain, _) = load_all::<Wave>(&repo).await.expect("reads");
        assert_eq!(
            plain[0].network.get(pat).map(|m| m.name.as_str()),
            Some("Pat")
        );

        repo.write(save_wave_writes(&waves[0]))
            .await
            .expect("saves");
        assert_eq!(repo.len(Store::MemberEdits), 0, "folded and deleted");
        let (again, _) = load_waves(&repo).await.expect("reads");
        assert_eq!(again, waves);
    });
}

#[test]
fn a_backup_holds_each_map_as_the_person_sees_it_and_a_restore_leaves_no_edit_behind() {
    block_on(async {
        let repo = MemoryRepository::new();
        let (wave, pat) = map_with_pat();
        repo.write(save_wave_writes(&wave)).await.expect("saves");
        repo.write(vec![Write::put(&edit(
            &wave,
            pat,
            MemberField::Name("Patricia".into()),
        ))])
        .await
        .expect("saves");

        let export = backup::export(&repo, Timestamp(9)).await.expect("exports");
        assert!(export.left_out.is_empty());
        assert_eq!(
            export.contents.waves[0]
                .network
                .get(pat)
                .map(|m| m.name.as_str()),
            Some("Patricia")
        );
        assert!(
            !export.text.contains("member_edits"),
            "a backup lists maps, not their pending edits"
        );

        // A later edit, then the backup is put back: the map is the backup's, with no edit.
        repo.write(vec![Write::put(&edit(
            &wave,
            pat,
            MemberField::Name("Someone else".into()),
        ))])
        .await
        .expect("saves");
        backup::restore(&repo, &export.text)
            .await
            .expect("restores");
        assert_eq!(repo.len(Store::MemberEdits), 0);
        let (waves, _) = load_waves(&repo).await.expect("reads");
        assert_eq!(
            waves[0].network.get(pat).map(|m| m.name.as_str()),
            Some("Patricia")
        );
    });
}

#[test]
fn the_database_version_that_added_member_edits_is_the_current_one() {
    assert_eq!(Store::MemberEdits.since(), DB_VERSION);
    assert!(Store::ALL.contains(&Store::MemberEdits));
    assert!(!Store::BACKED_UP.contains(&Store::MemberEdits));
}
