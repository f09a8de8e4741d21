//! `genie-area check <folder>`: checks an area folder before it is published.
//!
//! Exit status: 0 when the folder is ready, 1 when there are problems, 2 for a wrong command.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
Checks an area folder (area.json, directory.json, lookup.json) before you publish it.

Usage:
  genie-area check <folder>

Prints every problem found, in plain words. Exits with 0 when the folder is ready to publish,
1 when there are problems to fix.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, folder] if command == "check" => {
            let report = genie_area::check(Path::new(folder));
            print!("{report}");
            if report.is_clean() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        [flag] if flag == "--help" || flag == "-h" || flag == "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
