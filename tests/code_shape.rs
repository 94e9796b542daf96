//! The codebase stays readable in one sitting: no source file over 600 lines and no function
//! over 80 (counted from `fn` to its closing brace, tests included).

use std::path::Path;

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// Each function in `text` that starts a body, with its first line (1-based) and length.
fn functions(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let starts_fn = code
            .split_whitespace()
            .take_while(|w| !w.starts_with("fn"))
            .all(|w| {
                w.starts_with("pub")
                    || matches!(w, "async" | "const" | "unsafe" | "extern" | "\"C\"")
            })
            && code.split_whitespace().any(|w| w == "fn");
        if !starts_fn {
            continue;
        }
        let (mut depth, mut opened) = (0i64, false);
        for (j, l) in lines[i..].iter().enumerate() {
            for c in l.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if !opened && l.trim_end().ends_with(';') {
                break; // a declaration without a body
            }
            if opened && depth <= 0 {
                found.push((i + 1, j + 1));
                break;
            }
        }
    }
    found
}

#[test]
fn files_and_functions_stay_short() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let shown = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{shown}: {lines} lines"));
        }
        for (line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                problems.push(format!("{shown}:{line}: a function of {len} lines"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_counter_sees_functions() {
    let text = "pub fn a() {\n    x();\n}\n\nfn b();\n\nasync fn c() -> u8 {\n    { 1 }\n}\n";
    assert_eq!(functions(text), [(1, 3), (7, 3)]);
}
