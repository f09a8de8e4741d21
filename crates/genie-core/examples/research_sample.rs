//! Writes a research export of the test suite's rich sample (three waves, a member who
//! leaves, ties, support, ratings in all three states, choices with plans and check-ins, one
//! put on the map) as files in a folder, so `tests/research/read_export.py` can read them
//! back with networkx and igraph.
//! Run: `cargo run -p genie-core --example research_sample -- target/research-sample`.

#[path = "../tests/backup_fixture.rs"]
mod fixture;

use std::path::PathBuf;
use std::process::ExitCode;

use genie_core::model::{put_on_map, Answer, CheckIn, Circle, MemberKind, Tried};
use genie_core::research;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: research_sample <folder>");
        return ExitCode::FAILURE;
    };
    let mut waves = fixture::waves();
    let mut choices = fixture::choices();
    // A good check-in on the walking group, which then goes on the latest map.
    if let (Some(walking), Some(latest)) = (choices.first_mut(), waves.last_mut()) {
        walking.check_ins.push(CheckIn {
            at: latest.started_at.plus_days(1),
            tried: Tried::Yes,
            how_it_went: Some(5),
            go_again: Some(true),
            barriers: Default::default(),
            note: String::new(),
        });
        if put_on_map(
            &mut latest.network,
            walking,
            MemberKind::Group,
            Circle::Middle,
        )
        .is_err()
        {
            eprintln!("the sample's check-in should allow putting it on the map");
            return ExitCode::FAILURE;
        }
        // One loneliness question declined on the latest map.
        let mut loneliness = latest.loneliness.unwrap_or_default();
        loneliness.left_out = Answer::Declined;
        latest.loneliness = Some(loneliness);
    }
    let export = research::export(&waves, &choices);
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!("cannot make {}: {error}", folder.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in export.files() {
        let path = folder.join(&name);
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "research sample: {} files in {}",
        export.files().len(),
        folder.display()
    );
    ExitCode::SUCCESS
}
