//! Fetching a feed, against a small server on this machine's loopback address (the tests have
//! no internet): every page, then each service's full record; a busy server is waited for and
//! tried again; a second run fetches only what is missing; the cache imports like a folder.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use genie_import::fetch::{fetch_feed, FetchOptions, FetchSummary};
use genie_import::{import_paths, Mapping, Options};

/// Starts a server that answers like an Open Referral UK feed and records every path asked.
fn serve() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let base = format!("http://{}/o/v2", listener.local_addr().expect("addr"));
    let asked = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&asked);
    std::thread::spawn(move || {
        let mut busy_once = true;
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
            // Read the rest of the request head.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok() && header.trim() != "" {
                header.clear();
            }
            if let Ok(mut seen) = log.lock() {
                seen.push(path.clone());
            }
            let (status, body) = match path.as_str() {
                "/o/v2/services?page=1&per_page=2" => (
                    "200 OK",
                    r#"{"totalElements":3,"totalPages":2,"number":1,"content":[{"id":"a","name":"Walk"},{"id":"b c","name":"Art"}]}"#.to_string(),
                ),
                "/o/v2/services?page=2&per_page=2" if busy_once => {
                    busy_once = false;
                    ("503 Service Unavailable", "busy".to_string())
                }
                "/o/v2/services?page=2&per_page=2" => (
                    "200 OK",
                    r#"{"totalElements":3,"totalPages":2,"number":2,"content":[{"id":"gone","name":"Old"}]}"#.to_string(),
                ),
                "/o/v2/services/a" => ("200 OK", full("a", "Riverside walk", "Walking")),
                "/o/v2/services/b%20c" => ("200 OK", full("b c", "Art club", "Arts and crafts")),
                _ => ("404 Not Found", "{}".to_string()),
            };
            let retry = if status.starts_with("503") {
                "Retry-After: 0\r\n"
            } else {
                ""
            };
            let mut out = &stream;
            let _ = write!(
                out,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{retry}Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, asked)
}

fn full(id: &str, name: &str, term: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"{name}","status":"active",
"service_taxonomys":[{{"taxonomy":{{"id":"t","name":"{term}","vocabulary":"esdServiceTypes"}}}}],
"service_at_locations":[{{"location":{{"id":"l-{id}","latitude":51.45,"longitude":-2.59,
"physical_addresses":[{{"address_1":"1 High Street","postal_code":"BS1 1AA"}}]}}}}]}}"#
    )
}

#[test]
fn a_feed_is_fetched_politely_resumed_and_imported() {
    let (base, asked) = serve();
    let cache = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("feed-cache");
    let _ = std::fs::remove_dir_all(&cache);
    let options = FetchOptions {
        base: base.clone(),
        cache: cache.clone(),
        per_page: 2,
        delay: Duration::from_millis(1),
        retries: 2,
        details: true,
    };
    let mut lines = Vec::new();
    let summary = fetch_feed(&options, &mut |l| lines.push(l.to_string())).expect("fetches");
    assert_eq!(
        (summary.pages_fetched, summary.details_fetched),
        (2, 2),
        "{lines:#?}"
    );
    assert_eq!(summary.failures.len(), 1, "{:?}", summary.failures);
    assert!(
        summary.failures[0].contains("404"),
        "{:?}",
        summary.failures
    );
    let seen = asked.lock().expect("log").clone();
    assert_eq!(
        seen,
        vec![
            "/o/v2/services?page=1&per_page=2",
            "/o/v2/services?page=2&per_page=2",
            "/o/v2/services?page=2&per_page=2",
            "/o/v2/services/a",
            "/o/v2/services/b%20c",
            "/o/v2/services/gone",
        ]
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("503") && l.contains("trying again")),
        "{lines:#?}"
    );

    // Run again: what is in the cache is not fetched again; only the missing record is asked.
    asked.lock().expect("log").clear();
    let again = fetch_feed(&options, &mut |_| {}).expect("fetches");
    assert_eq!((again.pages_cached, again.details_cached), (2, 2));
    assert_eq!(again.pages_fetched + again.details_fetched, 0);
    assert_eq!(
        asked.lock().expect("log").clone(),
        vec!["/o/v2/services/gone"]
    );

    // The full records are imported, not the list entries.
    let folder = FetchSummary::import_folder(&cache);
    assert!(folder.ends_with("services"));
    let import =
        import_paths(&[folder], &Mapping::default_mapping(), &Options::default()).expect("imports");
    let ids: Vec<&str> = import
        .directory
        .resources
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids.len(), 2, "{}", import.report);
    assert!(ids.contains(&"a") && ids.contains(&"b c"));
}

#[test]
fn one_command_fetches_and_imports_a_feed() {
    let (base, _) = serve();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("feed-command");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("directory.json");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_genie-import"))
        .arg(&base)
        .args([
            "--per-page",
            "2",
            "--delay-ms",
            "1",
            "--area",
            "Bristol",
            "--cache",
        ])
        .arg(dir.join("cache"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("2 pages fetched"), "{stdout}");
    assert!(
        stdout.contains("not fetched:") && stdout.contains("404"),
        "{stdout}"
    );
    let written = std::fs::read_to_string(&out).expect("directory written");
    assert!(
        written.contains("\"Riverside walk\"") && written.contains("\"Art club\""),
        "{written}"
    );
}
