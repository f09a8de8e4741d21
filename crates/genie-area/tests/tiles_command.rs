//! `genie-area tiles`: the sample area's directory written as tiles that add up to it, old
//! tiles removed, and a clear message when there is nothing to tile.

use std::path::PathBuf;
use std::process::Command;

use genie_core::directory::tiles::{merge, TileIndex};
use genie_core::directory::validate;

fn temp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

#[test]
fn the_sample_directory_as_tiles_adds_up_and_old_tiles_go() {
    let dir = temp("tiles");
    let sample = include_str!("../../../public/area/directory.json");
    std::fs::write(dir.join("directory.json"), sample).expect("write");
    std::fs::create_dir_all(dir.join("tiles")).expect("tiles folder");
    std::fs::write(dir.join("tiles").join("r1c1-0000000000000000.json"), "{}").expect("write");
    let run = Command::new(env!("CARGO_BIN_EXE_genie-area"))
        .arg("tiles")
        .arg(&dir)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("154 entries in "), "{stdout}");
    let read = |name: &str| std::fs::read_to_string(dir.join("tiles").join(name)).expect("read");
    let index = TileIndex::parse(&read("index.json")).expect("an index");
    assert!(!dir
        .join("tiles")
        .join("r1c1-0000000000000000.json")
        .exists());
    let checked: Vec<_> = index
        .needed(None, None)
        .into_iter()
        .map(|f| (f, validate(&read(&f.file)).0))
        .collect();
    let parts: Vec<_> = checked.iter().map(|(f, d)| (*f, d)).collect();
    assert_eq!(merge(&index.area, &parts), validate(sample).0);

    std::fs::write(dir.join("directory.json"), "not json").expect("write");
    let run = Command::new(env!("CARGO_BIN_EXE_genie-area"))
        .arg("tiles")
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("genie-area check"));
    let _ = std::fs::remove_dir_all(&dir);
}
