//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod browser;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary copy of `tests/<relative>` (tests must not write into the source tree).
pub fn copy_fixture(relative: &str) -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(relative);
    let to = tempfile::tempdir().unwrap();
    copy_dir(&from, to.path());
    to
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A site in a temporary folder made of `files` (path relative to the site, text).
pub fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The site at `root` loaded and rendered into memory (with the search page): its model and
/// every output file by path.
pub fn render(
    root: &Path,
) -> (
    fouweb::site::Site,
    std::collections::BTreeMap<String, Vec<u8>>,
) {
    use fouweb::site;
    let (model, diagnostics) = site::load(root, false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let memory = site::MemorySite::default();
    let options = site::RenderOptions { search_page: true };
    site::render_into(
        &model,
        root,
        Path::new("memory"),
        options,
        &memory,
        &Default::default(),
    )
    .unwrap();
    (model, memory.into_files())
}

/// Runs the fouweb binary.
pub fn fouweb(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fouweb"))
        .args(args)
        .output()
        .unwrap()
}

/// Every file under `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Builds the site at `root` into `root/public` through the CLI and returns the output folder.
pub fn build(root: &Path) -> PathBuf {
    let out = fouweb(&["build", "--root", root.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("public")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `data/reports.json` as JSON.
pub fn reports_json(public: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str(&read(&public.join("data/reports.json"))).unwrap()
}

/// `data/matrix.csv` as method id → county name → reports.
pub fn matrix(public: &Path) -> BTreeMap<String, BTreeMap<String, u64>> {
    let csv = read(&public.join("data/matrix.csv"));
    let mut matrix: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let id = line.split(',').next().unwrap().to_string();
        let mut back = line.rsplitn(3, ',');
        let count: u64 = back.next().unwrap().parse().unwrap();
        let county = back.next().unwrap().to_string();
        matrix.entry(id).or_default().insert(county, count);
    }
    matrix
}

/// A copy of the example site (content and vocabulary) in a temporary folder.
pub fn example_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &site.path().join("content"));
    copy_dir(&repo.join("vocabulary"), &site.path().join("vocabulary"));
    site
}

/// `fouweb search --json --root ROOT ARGS…` as JSON.
pub fn search_json(root: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["search", "--json", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = fouweb(&all);
    assert!(
        out.status.success(),
        "search {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `fouweb serve` of `root` on a free port; stopped when dropped.
pub struct Served {
    child: std::process::Child,
    pub port: u16,
}

impl Served {
    pub fn start(root: &Path) -> Served {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_fouweb"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line: {first}"));
        // Keep reading, so that the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        Served { child, port }
    }
}

/// `GET path` from the server on `port`: the status and the body.
pub fn http_get(port: u16, path: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, raw[split + 4..].to_vec())
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
