//! The browser tests' harness: a static web server for a built site, and Debian's headless
//! Chromium driven by tests/browser/driver.mjs (playwright-core) through a list of steps.
//! `bash tests/setup` installs what it needs.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// A plain static web server (Python's) on a free port, as a static host would serve the site.
pub struct StaticHost {
    child: Child,
    pub port: u16,
}

impl StaticHost {
    pub fn start(dir: &Path) -> StaticHost {
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the static web server");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let port = line
            .split(" port ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected http.server banner: {line}"));
        StaticHost { child, port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for StaticHost {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the steps in Chromium and returns what the observing steps saw.
pub fn drive(steps: Value) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let packages = ["playwright-core", "axe-core"];
    assert!(
        Path::new(&chromium).exists()
            && packages
                .iter()
                .all(|p| dir.join("node_modules").join(p).exists()),
        "the browser tests need Debian's Chromium ({chromium}), playwright-core and axe-core: run \
         `bash tests/setup`, or `apt-get install chromium` and `npm ci --prefix tests/browser`"
    );
    let run = || {
        Command::new("node")
            .arg(dir.join("driver.mjs"))
            .arg(steps.to_string())
            .output()
            .expect("node runs the browser driver")
    };
    // Chromium now and then dies while starting when many run at once (the tests run in
    // parallel): a start that failed before the first step is tried again, twice at most.
    // Nothing after that is retried (steps may write files); a failed step comes back as the
    // report's `failed`.
    let mut out = run();
    for _ in 0..2 {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let crashed = serde_json::from_slice::<Value>(&out.stdout).is_err()
            && !stderr.contains("driver: browser ready");
        if !crashed {
            break;
        }
        out = run();
    }
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "driver failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(
        report["failed"].is_null(),
        "browser step failed: {:#}\nbrowser log: {:#}",
        report["failed"],
        report["log"]
    );
    report["results"].as_array().cloned().unwrap_or_default()
}
