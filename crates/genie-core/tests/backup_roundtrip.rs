//! A backup holds everything stored and puts it back exactly, replacing what was there.

#[path = "backup_fixture.rs"]
mod fixture;

use fixture::*;
use genie_core::backup::{self, Backup, Contents, FileKind, RestoreError};
use genie_core::model::*;
use genie_core::schema::{self, Record};
use genie_core::store::*;

async fn fill(repo: &MemoryRepository, contents: &Contents) {
    let mut batch = Vec::new();
    batch.extend(contents.profile.iter().map(Write::put));
    batch.extend(contents.preferences.iter().map(Write::put));
    batch.extend(contents.waves.iter().map(Write::put));
    batch.extend(contents.choices.iter().map(Write::put));
    repo.write(batch).await.expect("fills");
}

async fn read_back(repo: &MemoryRepository) -> Contents {
    let (profiles, bad_profiles) = load_all::<Profile>(repo).await.expect("reads");
    let (preferences, bad_preferences) = load_all::<Preferences>(repo).await.expect("reads");
    let (waves, bad_waves) = load_all::<Wave>(repo).await.expect("reads");
    let (choices, bad_choices) = load_all::<Choice>(repo).await.expect("reads");
    assert!(bad_profiles.is_empty() && bad_preferences.is_empty());
    assert!(bad_waves.is_empty() && bad_choices.is_empty());
    Contents {
        profile: profiles.into_iter().next(),
        preferences: preferences.into_iter().next(),
        waves,
        choices,
    }
}

#[test]
fn everything_comes_back_exactly() {
    block_on(async {
        let original = contents();
        let source = MemoryRepository::new();
        fill(&source, &original).await;

        let exported_at = START.plus_days(400);
        let export = backup::export(&source, exported_at).await.expect("exports");
        assert!(export.left_out.is_empty());
        assert_eq!(export.contents, original);
        assert_eq!(backup::detect(&export.text), FileKind::Plain);

        let target = MemoryRepository::new();
        let summary = backup::restore(&target, &export.text)
            .await
            .expect("restores");
        assert_eq!(read_back(&target).await, original);
        assert_eq!(snapshot(&target).await, snapshot(&source).await);
        assert_eq!(summary.exported_at, exported_at);
        assert_eq!(
            (summary.waves, summary.closed_waves, summary.choices),
            (3, 2, 2)
        );
        assert!(summary.profile && summary.preferences);
    });
}

#[test]
fn the_file_is_readable_and_carries_each_records_version() {
    let text = backup::write(&contents(), START);
    let root: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(root["genie_backup"], 1);
    assert_eq!(root["exported_at"], START.0);
    assert_eq!(root["records"]["profile"][0]["schema"], Profile::VERSION);
    assert_eq!(root["records"]["waves"].as_array().map(Vec::len), Some(3));
    // The open wave keeps its index field, closed ones do not have it.
    assert_eq!(root["records"]["waves"][2]["open"], 1);
    assert!(root["records"]["waves"][0].get("open").is_none());
    // Non-ASCII text is kept as it is, not escaped away.
    assert!(text.contains("Zoë Ångström") && text.contains("李小龍"));
    assert!(text.contains("<img src=x onerror=alert(1)>"));
}

#[test]
fn parse_gives_the_same_contents_back() {
    let text = backup::write(&contents(), START);
    assert_eq!(
        backup::parse(&text),
        Ok(Backup {
            exported_at: START,
            contents: contents(),
        })
    );
    // A byte-order mark added by an editor is fine.
    assert!(backup::parse(&format!("\u{feff}{text}")).is_ok());
}

#[test]
fn a_restore_replaces_whatever_was_there() {
    block_on(async {
        let repo = MemoryRepository::new();
        // Different data on the device: another open wave, later ids, a choice not in the file.
        let mut other = Wave::first(Timestamp(5));
        other.id = WaveId(9);
        other
            .network
            .add("Someone else", MemberKind::Person, Circle::Inner);
        let stray = minimal_choice(77, "x", "Stray");
        let mut old_profile = profile();
        old_profile.area = "Elsewhere".into();
        repo.write(vec![
            Write::put(&other),
            Write::put(&stray),
            Write::put(&old_profile),
        ])
        .await
        .expect("fills");

        let text = backup::write(&contents(), START);
        backup::restore(&repo, &text).await.expect("restores");
        assert_eq!(read_back(&repo).await, contents());
        assert_eq!(repo.len(Store::Waves), 3);
        assert_eq!(repo.len(Store::Choices), 2);
    });
}

#[test]
fn a_backup_without_some_records_clears_them_on_the_device() {
    block_on(async {
        let repo = MemoryRepository::new();
        fill(&repo, &contents()).await;
        let only_profile = Contents {
            profile: Some(profile()),
            ..Contents::default()
        };
        let text = backup::write(&only_profile, START);
        backup::restore(&repo, &text).await.expect("restores");
        assert_eq!(read_back(&repo).await, only_profile);
    });
}

#[test]
fn the_plan_deletes_first_then_puts_at_the_current_version() {
    block_on(async {
        let repo = MemoryRepository::new();
        fill(&repo, &contents()).await;
        let parsed = backup::parse(&backup::write(&contents(), START)).expect("reads");
        let existing = backup::existing(&repo).await.expect("reads");
        let writes = backup::plan(&parsed, &existing).expect("plans");
        let deletes = writes
            .iter()
            .take_while(|w| matches!(w, Write::Delete { .. }))
            .count();
        assert_eq!(deletes, 1 + 1 + 3 + 2);
        assert_eq!(writes.len(), deletes * 2);
        assert!(writes[deletes..]
            .iter()
            .all(|w| matches!(w, Write::Put { .. })));
    });
}

#[test]
fn an_older_record_in_a_backup_is_migrated_on_restore() {
    block_on(async {
        // A backup holding a profile written by the prototype (schema 1).
        let text = r#"{
            "genie_backup": 1,
            "exported_at": 1700000000000,
            "records": {
                "profile": [{"schema": 1, "data": {"postcode": "MB1 2AB", "age_band": "70-79",
                             "condition": "Diabetes, bad knees", "updated_at": 5}}],
                "preferences": [], "waves": [], "choices": []
            }
        }"#;
        let repo = MemoryRepository::new();
        backup::restore(&repo, text).await.expect("restores");
        let profile = load::<Profile>(&repo, schema::PROFILE_KEY)
            .await
            .expect("loads")
            .expect("present");
        assert_eq!(profile.area, "MB1 2AB");
        assert_eq!(profile.age_band, Some(AgeBand::From70To79));
        assert_eq!(profile.conditions, [Condition::Diabetes].into());
        assert_eq!(profile.other_condition, "bad knees");
        // Written back at today's version.
        let stored = repo
            .get(Store::Profile, schema::PROFILE_KEY)
            .await
            .expect("reads")
            .expect("present");
        assert!(stored.contains(&format!("\"schema\":{}", Profile::VERSION)));
    });
}

#[test]
fn a_failing_device_changes_nothing() {
    block_on(async {
        let repo = MemoryRepository::new();
        let mut old = Wave::first(Timestamp(1));
        old.network.add("Kept", MemberKind::Pet, Circle::Inner);
        repo.write(vec![Write::put(&old)]).await.expect("fills");
        let before = snapshot(&repo).await;

        repo.fail_writes_with(Some(StoreError::Full));
        let text = backup::write(&contents(), START);
        assert_eq!(
            backup::restore(&repo, &text).await,
            Err(RestoreError::Store(StoreError::Full))
        );
        assert_eq!(snapshot(&repo).await, before);
    });
}

#[test]
fn a_stored_record_without_a_key_stops_the_restore_untouched() {
    block_on(async {
        let repo = MemoryRepository::new();
        repo.write(vec![Write::Put {
            store: Store::Choices,
            key: "00000001".into(),
            envelope: r#"{"schema":1,"data":"garbled"}"#.into(),
        }])
        .await
        .expect("fills");
        let before = snapshot(&repo).await;
        let text = backup::write(&contents(), START);
        assert_eq!(
            backup::restore(&repo, &text).await,
            Err(RestoreError::ExistingUnreadable {
                store: Store::Choices
            })
        );
        assert_eq!(snapshot(&repo).await, before);
    });
}

#[test]
fn unreadable_stored_records_are_left_out_of_an_export_and_listed() {
    block_on(async {
        let repo = MemoryRepository::new();
        fill(&repo, &contents()).await;
        repo.write(vec![Write::Put {
            store: Store::Choices,
            key: "00000050".into(),
            envelope: r#"{"schema":99,"data":{"id":50}}"#.into(),
        }])
        .await
        .expect("fills");
        let export = backup::export(&repo, START).await.expect("exports");
        assert_eq!(export.contents, contents());
        assert_eq!(export.left_out.len(), 1);
        assert_eq!(export.left_out[0].0, Store::Choices);
    });
}

#[test]
fn file_names_carry_the_date() {
    assert_eq!(
        backup::file_name(START, false),
        "genie-backup-2025-01-02.json"
    );
    assert_eq!(
        backup::file_name(START, true),
        "genie-backup-2025-01-02.encrypted.json"
    );
}

/// A valid file whose maps have no positions (an older version's, or one made by hand) or
/// positions outside the members' circles restores as a drawn map: nobody on top of "You",
/// everyone in their own circle, nobody on top of anyone else.
#[test]
fn maps_without_positions_are_laid_out_on_restore() {
    use genie_core::layout::{circle_at, quality, sample, Geometry};
    block_on(async {
        for n in [8, 30, 150] {
            let mut wave = Wave::first(START);
            wave.network = sample::network(n, 11);
            // A third out of their circle, the rest with no position at all.
            for (i, member) in wave.network.members.iter_mut().enumerate() {
                member.placed = (i % 3 == 0).then_some(Point { x: 0.0, y: 0.0 });
            }
            let mut original = contents();
            original.waves = vec![wave];
            let text = backup::write(&original, START.plus_days(1));

            let target = MemoryRepository::new();
            backup::restore(&target, &text).await.expect("restores");
            let restored = read_back(&target).await;
            let network = &restored.waves[0].network;
            assert_eq!(network.members.len(), n);
            let geometry = Geometry::for_network(network);
            let positions = network
                .members
                .iter()
                .filter_map(|m| Some((m.id, m.placed?)))
                .collect();
            let q = quality::measure(network, &geometry, &positions);
            assert_eq!((q.missing, q.overlaps), (0, 0), "n={n}");
            for member in &network.members {
                let at = member.placed.unwrap_or_default();
                assert_eq!(circle_at(&geometry, at), Some(member.circle), "n={n}");
            }
        }
    });
}
