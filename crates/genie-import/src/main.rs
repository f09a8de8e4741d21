//! `genie-import`: converts an Open Referral export, as published, into Genie's directory
//! JSON; prints a report (totals first) and writes its details and a review file beside the
//! directory. See docs/importing.md.
//!
//! Exit status: 0 when a directory was written; 1 when nothing usable came out, more than
//! `--max-skipped` percent could not be used, or the input could not be read (no directory is
//! written then, so a good one is never replaced by an empty one); 2 for a wrong command.

// Shipped code never unwraps: bad input gets a clear message, not a crash (tests may).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use genie_core::area::AreaLookup;
use genie_import::{fetch, mapping::DEFAULT_MAPPING_CSV, Mapping, Options};

const USAGE: &str = "\
Usage:
  genie-import <export> [<export>...] [options]
      <export>: a JSON file, CSV files, a folder or a zip, as your directory published it
      (a data package with datapackage.json, every page of an API feed, or one big file)
  genie-import default-mapping        (prints the built-in mapping table, to copy and edit)

Options:
  --out <file.json>       where to write the directory (default: directory.json); the report
                          details (.report.csv) and the review file (.review.csv) go beside it
  --area <name>           the area the directory covers, e.g. \"Millbrook and district\"
  --mapping <file.csv>    taxonomy mapping table (taxonomy,term_code_or_name,subcategory);
                          without it the built-in table is used
  --decisions <file.csv>  the review file with its decision column filled in
  --lookup <lookup.json>  the area's postcode lookup: places with an address but no
                          coordinates are put at their postcode's centre (approximate)
  --max-skipped <percent> fail (and write no directory) when more than this share of the
                          services could not be used (skipped or needing review)
  --guess-from-name       file services with no usable term by words in their name

A feed's address (https://...) can be given instead of files: every page of its /services,
then each service's full record, are fetched one request at a time into a cache folder, and
imported from there. Run the same command again to carry on after an interruption.
  --cache <folder>        where fetched pages are kept (default: feed-cache)
  --per-page <n>          services per page to ask for (default 100)
  --delay-ms <ms>         pause between requests (default 500)
  --no-details            only the list pages (quicker, but they often lack places and times)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("genie-import: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Beside `out`: "directory.json" gives "directory.report.csv" for `suffix` "report.csv".
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "directory".to_string());
    out.with_file_name(format!("{stem}.{suffix}"))
}

fn read_text(path: &Path, what: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(first) = args.first() else {
        return Err("say what to import".to_string());
    };
    if first == "--help" || first == "-h" || first == "help" {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if first == "default-mapping" {
        print!("{DEFAULT_MAPPING_CSV}");
        return Ok(ExitCode::SUCCESS);
    }
    // The older forms name the format first; the format is now found from the files.
    let rest = if first == "hsds-json" || first == "hsds-csv" || first == "import" {
        &args[1..]
    } else {
        args
    };
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut mapping_path: Option<PathBuf> = None;
    let mut decisions_path: Option<PathBuf> = None;
    let mut lookup_path: Option<PathBuf> = None;
    let mut max_skipped: Option<f64> = None;
    let mut cache = PathBuf::from("feed-cache");
    let mut per_page: u32 = 100;
    let mut delay_ms: u64 = 500;
    let mut details = true;
    let mut out = PathBuf::from("directory.json");
    let mut options = Options::default();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--mapping" => mapping_path = Some(PathBuf::from(value("--mapping")?)),
            "--decisions" => decisions_path = Some(PathBuf::from(value("--decisions")?)),
            "--lookup" => lookup_path = Some(PathBuf::from(value("--lookup")?)),
            "--out" => out = PathBuf::from(value("--out")?),
            "--area" => options.area = value("--area")?,
            "--max-skipped" => {
                let v = value("--max-skipped")?;
                let n: f64 =
                    v.trim_end_matches('%').trim().parse().map_err(|_| {
                        format!("--max-skipped takes a percentage such as 20, not {v}")
                    })?;
                if !(0.0..=100.0).contains(&n) {
                    return Err(format!("--max-skipped takes 0 to 100, not {v}"));
                }
                max_skipped = Some(n);
            }
            "--guess-from-name" => options.guess_from_name = true,
            "--cache" => cache = PathBuf::from(value("--cache")?),
            "--per-page" => {
                let v = value("--per-page")?;
                per_page = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| format!("--per-page takes 1 to 1000, not {v}"))?;
            }
            "--delay-ms" => {
                let v = value("--delay-ms")?;
                delay_ms = v
                    .parse()
                    .map_err(|_| format!("--delay-ms takes milliseconds, not {v}"))?;
            }
            "--no-details" => details = false,
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => inputs.push(PathBuf::from(other)),
        }
    }
    if inputs.is_empty() {
        return Err("say what to import: a file, a folder or a zip".to_string());
    }

    // Feeds: fetched into the cache, then read from there like any folder.
    let urls: Vec<usize> = inputs
        .iter()
        .enumerate()
        .filter(|(_, p)| fetch::is_url(&p.to_string_lossy()))
        .map(|(i, _)| i)
        .collect();
    for (n, &i) in urls.iter().enumerate() {
        let base = inputs[i].to_string_lossy().into_owned();
        let folder = if urls.len() > 1 {
            cache.join(format!("feed-{}", n + 1))
        } else {
            cache.clone()
        };
        let fetch_options = fetch::FetchOptions {
            base: base.clone(),
            cache: folder.clone(),
            per_page,
            delay: std::time::Duration::from_millis(delay_ms),
            retries: 4,
            details,
        };
        println!("Fetching {base} into {}", folder.display());
        let summary = match fetch::fetch_feed(&fetch_options, &mut |line| println!("  {line}")) {
            Ok(summary) => summary,
            Err(error) => {
                eprintln!(
                    "genie-import: {error}. What was fetched is kept in {}; run the same command again to carry on.",
                    folder.display()
                );
                return Ok(ExitCode::from(1));
            }
        };
        println!(
            "  {} pages fetched ({} already in the cache), {} full records fetched ({} already in the cache).",
            summary.pages_fetched,
            summary.pages_cached,
            summary.details_fetched,
            summary.details_cached
        );
        for failure in &summary.failures {
            println!("  not fetched: {failure}");
        }
        inputs[i] = fetch::FetchSummary::import_folder(&folder);
    }

    let mut early_problems = Vec::new();
    let mapping = match &mapping_path {
        Some(path) => {
            let (mapping, problems) = Mapping::parse(&read_text(path, "the mapping")?);
            early_problems.extend(problems);
            mapping
        }
        None => Mapping::default_mapping(),
    };
    if let Some(path) = &decisions_path {
        let (decisions, problems) = genie_import::parse_decisions(&read_text(path, "decisions")?);
        early_problems.extend(problems);
        options.decisions = decisions;
    }
    if let Some(path) = &lookup_path {
        match AreaLookup::parse(&read_text(path, "the lookup")?) {
            Some(lookup) => options.lookup = Some(lookup),
            None => {
                eprintln!(
                    "genie-import: {} is not an area lookup (lookup.json); make one with genie-area lookup",
                    path.display()
                );
                return Ok(ExitCode::from(1));
            }
        }
    }

    let mut import = match genie_import::import_paths(&inputs, &mapping, &options) {
        Ok(import) => import,
        Err(error) => {
            eprintln!("genie-import: {error}");
            return Ok(ExitCode::from(1));
        }
    };
    import.report.problems.splice(0..0, early_problems);
    if options.area.trim().is_empty() {
        import
            .report
            .problem("no --area given; the directory's area name is empty");
    }
    print!("{}", import.report);

    let details = beside(&out, "report.csv");
    let review = beside(&out, "review.csv");
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let mut failed = false;
    for (path, text) in [
        (&details, import.report.details_csv()),
        (&review, import.report.review_csv()),
    ] {
        if let Err(e) = write(path, text) {
            eprintln!("genie-import: {e}");
            failed = true;
        }
    }
    println!(
        "\nDetails: {}\nReview file: {} ({} services)",
        details.display(),
        review.display(),
        import.report.review.len()
    );

    if import.directory.resources.is_empty() {
        eprintln!(
            "genie-import: nothing usable came out of the export, so {} was not written{}. Look at the review file and the report: add mapping rows (--mapping), decisions (--decisions) or a lookup (--lookup), and run again.",
            out.display(),
            if out.exists() { " (the one there is kept)" } else { "" }
        );
        return Ok(ExitCode::from(1));
    }
    let share = import.report.unusable_share() * 100.0;
    if let Some(max) = max_skipped {
        if share > max {
            eprintln!(
                "genie-import: {share:.0}% of the services could not be used (more than --max-skipped {max}%), so {} was not written. Look at the review file and the report, then run again.",
                out.display()
            );
            return Ok(ExitCode::from(1));
        }
    }
    let json = serde_json::to_string_pretty(&import.directory)
        .map_err(|e| format!("cannot write the directory: {e}"))?;
    if let Err(e) = write(&out, json + "\n") {
        eprintln!("genie-import: {e}");
        return Ok(ExitCode::from(1));
    }
    println!(
        "Wrote {} ({} entries).",
        out.display(),
        import.directory.resources.len()
    );
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
