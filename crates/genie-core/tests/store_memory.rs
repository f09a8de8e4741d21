//! The repository contract, checked on the in-memory implementation. The browser tests check
//! the IndexedDB implementation against the same rules.

mod common;

use common::{block_on, sample_profile};
use genie_core::model::*;
use genie_core::store::*;

#[test]
fn writes_reads_updates_and_deletes() {
    block_on(async {
        let repo = MemoryRepository::new();
        assert_eq!(load::<Profile>(&repo, "me").await, Ok(None));
        assert_eq!(repo.holds_nothing().await, Ok(true));

        let mut profile = sample_profile();
        save(&repo, &profile).await.expect("saves");
        assert_eq!(repo.holds_nothing().await, Ok(false));
        assert_eq!(
            load::<Profile>(&repo, "me").await,
            Ok(Some(profile.clone()))
        );

        profile.area = "Riverside".into();
        save(&repo, &profile).await.expect("updates");
        assert_eq!(load::<Profile>(&repo, "me").await, Ok(Some(profile)));
        assert_eq!(repo.len(Store::Profile), 1);

        repo.write(vec![Write::delete::<Profile>("me")])
            .await
            .expect("deletes");
        assert_eq!(load::<Profile>(&repo, "me").await, Ok(None));
        assert_eq!(repo.holds_nothing().await, Ok(true));
    });
}

#[test]
fn a_failed_write_leaves_earlier_data_intact() {
    block_on(async {
        let repo = MemoryRepository::new();
        let profile = sample_profile();
        save(&repo, &profile).await.expect("saves");

        repo.fail_writes_with(Some(StoreError::Full));
        let mut changed = profile.clone();
        changed.area = "Elsewhere".into();
        assert_eq!(save(&repo, &changed).await, Err(StoreError::Full));
        assert_eq!(load::<Profile>(&repo, "me").await, Ok(Some(profile)));
    });
}

#[test]
fn a_batch_that_breaks_a_rule_is_refused_whole() {
    block_on(async {
        let repo = MemoryRepository::new();
        let first = Wave::first(Timestamp(0));
        let profile = sample_profile();
        repo.write(vec![Write::put(&profile), Write::put(&first)])
            .await
            .expect("first wave and profile");

        // A second open wave, with a profile change in the same batch: both must be refused.
        let mut second = first.clone();
        second.id = WaveId(2);
        let mut changed = profile.clone();
        changed.area = "Elsewhere".into();
        let result = repo
            .write(vec![Write::put(&changed), Write::put(&second)])
            .await;
        assert!(
            matches!(result, Err(StoreError::Constraint(_))),
            "{result:?}"
        );
        assert_eq!(load::<Profile>(&repo, "me").await, Ok(Some(profile)));
        assert_eq!(repo.len(Store::Waves), 1);

        // Closing the first and opening the next in one batch is allowed.
        let mut first = first;
        let next = first.close_and_continue(Timestamp(10));
        repo.write(vec![Write::put(&first), Write::put(&next)])
            .await
            .expect("close and continue");
        let (waves, bad) = load_all::<Wave>(&repo).await.expect("loads");
        assert!(bad.is_empty());
        assert_eq!(waves.iter().filter(|w| w.is_open()).count(), 1);
        assert_eq!(waves.len(), 2);
    });
}

#[test]
fn unreadable_records_are_reported_beside_the_good_ones() {
    block_on(async {
        let repo = MemoryRepository::new();
        let wave = Wave::first(Timestamp(0));
        repo.write(vec![
            Write::put(&wave),
            Write::Put {
                store: Store::Waves,
                key: "00000009".into(),
                envelope: r#"{"schema":7,"data":{}}"#.into(),
            },
        ])
        .await
        .expect("writes");
        let (good, bad) = load_all::<Wave>(&repo).await.expect("loads");
        assert_eq!(good, vec![wave]);
        assert_eq!(bad.len(), 1);
        assert_eq!(
            repo.len(Store::Waves),
            2,
            "the unreadable record is kept, not dropped"
        );
    });
}
