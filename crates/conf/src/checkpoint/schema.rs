//! The checks libvirt's `domaincheckpoint.rng` makes on a `<domaincheckpoint>` document
//! (names, creation time, disk entries), reported with libxml2's RelaxNG wording.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

const RNG: &str = "/usr/share/libvirt/schemas/domaincheckpoint.rng";

/// `checkpointName`: no leading `.`, no `/`, whitespace or other punctuation.
fn valid_name(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut chars = s.chars();
    chars.next().is_some_and(ok) && chars.all(|c| ok(c) || c == '.')
}

/// xsd `unsignedLong` after whitespace collapsing.
fn valid_ulong(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) && t.parse::<u64>().is_ok()
}

/// `diskTargetDev` or `absFilePath`.
fn valid_disk_name(s: &str) -> bool {
    let t = s.strip_prefix("ioemu:").unwrap_or(s);
    let target = ["fd", "hd", "sd", "vd", "xvd", "ubd"].iter().any(|p| {
        t.strip_prefix(p).is_some_and(|r| {
            !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    });
    let path = s.len() > 1 && s.starts_with('/')
        || s.len() > 3 && s.as_bytes()[0].is_ascii_alphabetic() && s.get(1..3) == Some(":\\");
    target || path
}

fn elements<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    n.children().filter(|c| c.is_element())
}

fn text_only(n: roxmltree::Node) -> Option<String> {
    if elements(n).next().is_some() {
        return None;
    }
    Some(n.children().filter_map(|c| c.text()).collect())
}

fn valid_disk(d: roxmltree::Node) -> bool {
    if d.tag_name().name() != "disk" || elements(d).next().is_some() {
        return false;
    }
    let mut kind = None;
    let (mut bitmap, mut size) = (false, true);
    for a in d.attributes() {
        match a.name() {
            "name" => {}
            "checkpoint" => kind = Some(a.value()),
            "bitmap" => bitmap = true,
            "size" => size = valid_ulong(a.value()),
            _ => return false,
        }
    }
    let named = d.attribute("name").is_some_and(valid_disk_name);
    let kind_ok = match kind {
        Some("no") => !bitmap && d.attribute("size").is_none(),
        Some("bitmap") | None => size,
        Some(_) => false,
    };
    named && kind_ok
}

fn valid_child(n: roxmltree::Node) -> bool {
    match n.tag_name().name() {
        "name" => text_only(n).is_some_and(|t| valid_name(&t)),
        "description" => text_only(n).is_some(),
        "creationTime" => text_only(n).is_some_and(|t| valid_ulong(&t)),
        "disks" => elements(n).next().is_some() && elements(n).all(valid_disk),
        "parent" => {
            let kids: Vec<_> = elements(n).collect();
            kids.len() == 1
                && kids[0].tag_name().name() == "name"
                && text_only(kids[0]).is_some_and(|t| valid_name(&t))
        }
        _ => true,
    }
}

fn invalid(lines: &str) -> VirError {
    VirError::new(
        ErrorCode::XmlInvalidSchema,
        ErrorDomain::Xml,
        format!("Unable to validate doc against {RNG}\n{lines}"),
    )
}

/// Validates the root `<domaincheckpoint>`'s children as the schema does.
pub(super) fn validate(root: roxmltree::Node) -> VirResult<()> {
    let known = [
        "name",
        "description",
        "creationTime",
        "disks",
        "domain",
        "parent",
    ];
    let mut seen: Vec<&str> = Vec::new();
    for c in elements(root) {
        let name = c.tag_name().name();
        if !known.contains(&name) || c.tag_name().namespace().is_some() {
            return Err(invalid(&format!(
                "Element domaincheckpoint has extra content: {name}\n"
            )));
        }
        if seen.contains(&name) || !valid_child(c) {
            return Err(invalid(&format!(
                "Extra element {name} in interleave\n\
                 Element domaincheckpoint failed to validate content\n"
            )));
        }
        seen.push(name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(xml: &str) -> Result<(), String> {
        let doc = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
        validate(doc.root_element()).map_err(|e| e.message)
    }

    #[test]
    fn names_times_and_disks() {
        assert!(check(
            "<domaincheckpoint><name>c-1.x</name><creationTime>5</creationTime>\
             <disks><disk name='vda' checkpoint='bitmap' bitmap='b' size='3'/>\
             <disk name='/a/b' checkpoint='no'/></disks></domaincheckpoint>"
        )
        .is_ok());
        for bad in [
            "<domaincheckpoint><name>a b</name></domaincheckpoint>",
            "<domaincheckpoint><name>.a</name></domaincheckpoint>",
            "<domaincheckpoint><name>a</name><name>b</name></domaincheckpoint>",
            "<domaincheckpoint><creationTime>x</creationTime></domaincheckpoint>",
            "<domaincheckpoint><disks><disk name='c'/></disks></domaincheckpoint>",
            "<domaincheckpoint><disks><disk name='vda' checkpoint='no' bitmap='x'/></disks></domaincheckpoint>",
            "<domaincheckpoint><parent><name>a/b</name></parent></domaincheckpoint>",
        ] {
            let e = check(bad).unwrap_err();
            assert!(e.contains(" in interleave\nElement domaincheckpoint failed"), "{bad}: {e}");
        }
        assert_eq!(
            check("<domaincheckpoint><foo/></domaincheckpoint>").unwrap_err(),
            "XML document failed to validate against schema: Unable to validate doc against \
             /usr/share/libvirt/schemas/domaincheckpoint.rng\n\
             Element domaincheckpoint has extra content: foo\n"
        );
    }
}
