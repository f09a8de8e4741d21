//! Fetches an Open Referral (UK) API feed into a cache folder, politely: one request at a
//! time with a pause between them, retries with a growing wait on busy or failing servers
//! (honouring `Retry-After`), and nothing fetched twice, so an interrupted run picks up where
//! it stopped. Every page of `/services` goes to `pages/`; each service's full record
//! (`/services/{id}`, which has the places, times and categories a list page leaves out) to
//! `services/`. The cache is then imported like any folder.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::ImportError;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The feed's address, e.g. `https://example.org/o/ServiceDirectoryService/v2`.
    pub base: String,
    pub cache: PathBuf,
    pub per_page: u32,
    /// Pause between requests.
    pub delay: Duration,
    /// Tries after the first, for a busy or failing server.
    pub retries: u32,
    /// Also fetch each service's full record.
    pub details: bool,
}

/// What a fetch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchSummary {
    pub pages_fetched: usize,
    pub pages_cached: usize,
    pub details_fetched: usize,
    pub details_cached: usize,
    /// Requests that failed after every retry, with why.
    pub failures: Vec<String>,
}

impl FetchSummary {
    /// The folder to import: the full records when there are any, else the pages.
    pub fn import_folder(cache: &Path) -> PathBuf {
        let services = cache.join("services");
        let has_details = std::fs::read_dir(&services)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if has_details {
            services
        } else {
            cache.join("pages")
        }
    }
}

/// Whether an input names a feed rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn endpoint(base: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    if base.ends_with("/services") {
        base.to_string()
    } else {
        format!("{base}/services")
    }
}

/// A file name for a service id: letters, digits, `-` and `_` kept, anything else as `_xx`.
fn safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("_{:02x}", u32::from(c))
            }
        })
        .collect()
}

fn cached_json(path: &Path) -> Option<Value> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Fetches the feed into the cache. `log` gets one line per request, for the commissioner.
pub fn fetch_feed(
    options: &FetchOptions,
    log: &mut dyn FnMut(&str),
) -> Result<FetchSummary, ImportError> {
    let pages_dir = options.cache.join("pages");
    let services_dir = options.cache.join("services");
    for dir in [&pages_dir, &services_dir] {
        std::fs::create_dir_all(dir).map_err(|e| {
            ImportError(format!(
                "cannot make the cache folder {}: {e}",
                dir.display()
            ))
        })?;
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .http_status_as_error(false)
        .user_agent("genie-import (Open Referral directory import; one request at a time)")
        .build()
        .into();
    let mut summary = FetchSummary::default();
    let list = endpoint(&options.base);
    let mut first_request = true;
    let mut ids: Vec<String> = Vec::new();
    let mut page = 1u64;
    let mut total_pages: Option<u64> = None;
    loop {
        let path = pages_dir.join(format!("page-{page:05}.json"));
        let root = match cached_json(&path) {
            Some(v) => {
                summary.pages_cached += 1;
                v
            }
            None => {
                let url = format!("{list}?page={page}&per_page={}", options.per_page);
                let bytes = get(&agent, &url, options, &mut first_request, log)
                    .map_err(|e| ImportError(format!("{url}: {e}")))?;
                let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
                    ImportError(format!(
                        "{url} did not answer with JSON ({e}); check the feed's address"
                    ))
                })?;
                std::fs::write(&path, &bytes)
                    .map_err(|e| ImportError(format!("cannot write {}: {e}", path.display())))?;
                summary.pages_fetched += 1;
                value
            }
        };
        let items = ["content", "contents", "items", "data", "results"]
            .iter()
            .find_map(|k| root.get(*k).and_then(Value::as_array))
            .cloned()
            .or_else(|| root.as_array().cloned())
            .unwrap_or_default();
        for item in &items {
            let id = match item.get("id") {
                Some(Value::String(s)) => s.trim().to_string(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            if !id.is_empty() {
                ids.push(id);
            }
        }
        if total_pages.is_none() {
            total_pages = ["total_pages", "totalPages"]
                .iter()
                .find_map(|k| root.get(*k).and_then(Value::as_u64));
        }
        let done = match total_pages {
            Some(total) => page >= total,
            None => items.is_empty() || items.len() < options.per_page as usize,
        };
        if done || page >= 100_000 {
            break;
        }
        page += 1;
    }
    if options.details {
        for id in &ids {
            let path = services_dir.join(format!("{}.json", safe(id)));
            if cached_json(&path).is_some() {
                summary.details_cached += 1;
                continue;
            }
            let url = format!("{list}/{}", percent_path(id));
            match get(&agent, &url, options, &mut first_request, log) {
                Ok(bytes) if serde_json::from_slice::<Value>(&bytes).is_ok() => {
                    std::fs::write(&path, &bytes).map_err(|e| {
                        ImportError(format!("cannot write {}: {e}", path.display()))
                    })?;
                    summary.details_fetched += 1;
                }
                Ok(_) => summary
                    .failures
                    .push(format!("{url}: the answer was not JSON")),
                Err(e) => summary.failures.push(format!("{url}: {e}")),
            }
        }
    }
    Ok(summary)
}

/// An id as one part of a URL path.
fn percent_path(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One GET, after the polite pause, retried on busy or failing servers.
fn get(
    agent: &ureq::Agent,
    url: &str,
    options: &FetchOptions,
    first_request: &mut bool,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<u8>, String> {
    let mut attempt = 0u32;
    loop {
        if !*first_request {
            std::thread::sleep(options.delay);
        }
        *first_request = false;
        log(&format!("GET {url}"));
        let outcome = agent.get(url).header("Accept", "application/json").call();
        let (retry, why, wait) = match outcome {
            Ok(mut response) => {
                let status = response.status().as_u16();
                if (200..300).contains(&status) {
                    let mut bytes = Vec::new();
                    response
                        .body_mut()
                        .as_reader()
                        .take(512 * 1024 * 1024)
                        .read_to_end(&mut bytes)
                        .map_err(|e| format!("the answer could not be read ({e})"))?;
                    return Ok(bytes);
                }
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(|s| Duration::from_secs(s.min(60)));
                let busy = status == 429 || status >= 500;
                (busy, format!("the server answered {status}"), retry_after)
            }
            Err(e) => (true, format!("no answer ({e})"), None),
        };
        if !retry || attempt >= options.retries {
            return Err(why);
        }
        attempt += 1;
        let wait = wait.unwrap_or(options.delay * 2u32.saturating_pow(attempt));
        log(&format!("  {why}; trying again in {} ms", wait.as_millis()));
        std::thread::sleep(wait);
    }
}
