//! `genie-import`: converts an Open Referral HSDS export into Genie's directory JSON and prints
//! a report of what was imported, skipped and not mapped. See docs/importing.md.

use std::path::PathBuf;
use std::process::ExitCode;

use genie_import::{hsds_csv, hsds_json, mapping::DEFAULT_MAPPING_CSV, Mapping, Options};

const USAGE: &str = "\
Usage:
  genie-import hsds-json <file.json> [options]
  genie-import hsds-csv <data package folder> [options]
  genie-import default-mapping        (prints the built-in mapping table, to copy and edit)

Options:
  --mapping <file.csv>   taxonomy mapping table (taxonomy,term_code_or_name,subcategory);
                         without it the built-in table is used
  --out <file.json>      where to write the directory (default: directory.json)
  --area <name>          the area the directory covers, e.g. \"Millbrook and district\"
  --guess-from-name      file services with no usable taxonomy term by words in their name
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

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(command) = args.first() else {
        return Err("say what to import".to_string());
    };
    if command == "--help" || command == "-h" || command == "help" {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if command == "default-mapping" {
        print!("{DEFAULT_MAPPING_CSV}");
        return Ok(ExitCode::SUCCESS);
    }
    let mut input: Option<PathBuf> = None;
    let mut mapping_path: Option<PathBuf> = None;
    let mut out = PathBuf::from("directory.json");
    let mut options = Options::default();
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--mapping" => mapping_path = Some(PathBuf::from(value("--mapping")?)),
            "--out" => out = PathBuf::from(value("--out")?),
            "--area" => options.area = value("--area")?,
            "--guess-from-name" => options.guess_from_name = true,
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other if input.is_none() => input = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    let Some(input) = input else {
        return Err(format!("{command} needs an input"));
    };

    let (mapping, mapping_problems) = match &mapping_path {
        Some(path) => {
            let text = std::fs::read(path)
                .map_err(|e| format!("cannot read mapping {}: {e}", path.display()))?;
            Mapping::parse(&String::from_utf8_lossy(&text))
        }
        None => (Mapping::default_mapping(), Vec::new()),
    };

    let result = match command.as_str() {
        "hsds-json" => hsds_json::import_file(&input, &mapping, &options),
        "hsds-csv" => hsds_csv::import_dir(&input, &mapping, &options),
        other => return Err(format!("unknown command {other}")),
    };
    let mut import = match result {
        Ok(import) => import,
        Err(error) => {
            eprintln!("genie-import: {error}");
            return Ok(ExitCode::from(1));
        }
    };
    import.report.problems.splice(0..0, mapping_problems);
    if options.area.trim().is_empty() {
        import
            .report
            .problem("no --area given; the directory's area name is empty");
    }

    let json = serde_json::to_string_pretty(&import.directory)
        .map_err(|e| format!("cannot write the directory: {e}"))?;
    if let Err(e) = std::fs::write(&out, json + "\n") {
        print!("{}", import.report);
        eprintln!("genie-import: cannot write {}: {e}", out.display());
        return Ok(ExitCode::from(1));
    }
    print!("{}", import.report);
    println!(
        "\nWrote {} ({} entries).",
        out.display(),
        import.directory.resources.len()
    );
    Ok(ExitCode::SUCCESS)
}
