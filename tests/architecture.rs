//! ARCHITECTURE.md names paths rather than line numbers; this test keeps those paths real.

#[test]
fn paths_named_in_architecture_md_exist() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut checked = 0;
    for (i, part) in doc.split('`').enumerate() {
        let looks_like_path = part.starts_with("src/")
            || part.starts_with("www/")
            || part.starts_with("tests/")
            || part.starts_with("e2e/");
        if i % 2 == 1 && looks_like_path && !part.contains(' ') {
            assert!(
                root.join(part.trim_end_matches('/')).exists(),
                "ARCHITECTURE.md names {part}, which does not exist"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 10,
        "expected ARCHITECTURE.md to name its paths, found {checked}"
    );
}
