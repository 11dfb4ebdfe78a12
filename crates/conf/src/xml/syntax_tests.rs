//! Malformed documents: the message, line and context libvirt prints from libxml2
//! (checked against virsh 9.0 with libxml2 2.9.14, `virsh -c test:///default define`).

use rvirt_core::error::{ErrorCode, ErrorDomain};

use super::parse_document;

fn err(input: &str) -> String {
    match parse_document(input, "domain_definition", ErrorDomain::Domain) {
        Ok(_) => panic!("{input:?} parsed"),
        Err(e) => {
            assert_eq!(e.code, ErrorCode::XmlDetail);
            e.message
        }
    }
}

pub(super) fn check(input: &str, expected: &str) {
    assert_eq!(err(input), expected, "input {input:?}");
}

#[test]
fn mismatched_end_tag() {
    check(
        "<domain type=\"test\"><name>x</domain>\n",
        "(domain_definition):1: Opening and ending tag mismatch: name line 1 and domain\n\
         <domain type=\"test\"><name>x</domain>\n\
         ------------------------------------^",
    );
}

#[test]
fn unclosed_end_tag_at_end_of_input() {
    check(
        "<domain type=\"test\"><name>x</name",
        "(domain_definition):1: expected '>'\n\
         <domain type=\"test\"><name>x</name\n\
         ---------------------------------^",
    );
}

#[test]
fn unclosed_root() {
    check(
        "<domain type=\"test\">\n  <name>x</name>\n",
        "(domain_definition):3: Premature end of data in tag domain line 1\n(null)\n^",
    );
}

#[test]
fn truncated_start_tag() {
    check(
        "<domain\n",
        "(domain_definition):2: Couldn't find end of Start Tag domain line 1\n(null)\n^",
    );
}

#[test]
fn empty_document() {
    check("", "(domain_definition):1: Document is empty\n(null)\n^");
}

#[test]
fn blank_document() {
    check(
        "   \n",
        "(domain_definition):2: Start tag expected, '<' not found\n(null)\n^",
    );
}

#[test]
fn text_instead_of_element() {
    check(
        "hello\n",
        "(domain_definition):1: Start tag expected, '<' not found\nhello\n^",
    );
}

#[test]
fn element_after_root() {
    check(
        "<domain type=\"test\"><name>x</name></domain>\n<extra/>\n",
        "(domain_definition):2: Extra content at the end of the document\n<extra/>\n^",
    );
}

#[test]
fn text_after_root() {
    check(
        "<domain type=\"test\"><name>x</name></domain>trailing\n",
        "(domain_definition):1: Extra content at the end of the document\n\
         <domain type=\"test\"><name>x</name></domain>trailing\n\
         -------------------------------------------^",
    );
}

#[test]
fn undefined_entity() {
    check(
        "<domain type=\"test\"><name>&foo;</name></domain>\n",
        "(domain_definition):1: Entity 'foo' not defined\n\
         <domain type=\"test\"><name>&foo;</name></domain>\n\
         -------------------------------^",
    );
}

#[test]
fn duplicate_attribute() {
    check(
        "<domain type=\"test\" type=\"x\"><name>x</name></domain>\n",
        "(domain_definition):1: Attribute type redefined\n\
         <domain type=\"test\" type=\"x\"><name>x</name></domain>\n\
         ----------------------------^",
    );
}

#[test]
fn lt_in_attribute_value() {
    check(
        "<domain type='test><name>x</name></domain>\n",
        "(domain_definition):1: Unescaped '<' not allowed in attributes values\n\
         <domain type='test><name>x</name></domain>\n\
         -------------------^",
    );
}

#[test]
fn unquoted_attribute_value() {
    check(
        "<domain type=test><name>x</name></domain>\n",
        "(domain_definition):1: AttValue: \" or ' expected\n\
         <domain type=test><name>x</name></domain>\n\
         -------------^",
    );
}

#[test]
fn lt_in_text() {
    check(
        "<domain type=\"test\"><name>a<b</name></domain>\n",
        "(domain_definition):1: error parsing attribute name\n\
         <domain type=\"test\"><name>a<b</name></domain>\n\
         -----------------------------^",
    );
}

#[test]
fn undeclared_prefix_on_root() {
    let e = parse_document(
        "<a:b xmlns:c=\"x\"/>\n",
        "domain_definition",
        ErrorDomain::Domain,
    )
    .err()
    .map(|e| (e.code, e.message));
    assert_eq!(
        e,
        Some((
            ErrorCode::XmlError,
            "XML error: expecting root element of 'domain', not 'a:b'".to_string()
        ))
    );
}

// Less common mistakes, each checked against virsh 9.0 / libxml2 2.9.14.

#[test]
fn extra_element_after_blank_lines() {
    check(
        "<domain>\n<name>x</name>\n</domain>\n\n\n<x/>",
        "(domain_definition):6: Extra content at the end of the document\n<x/>\n^",
    );
}

#[test]
fn mismatch_across_lines() {
    check(
        "<domain>\n  <name>x\n</domain>\n",
        "(domain_definition):3: Opening and ending tag mismatch: name line 2 and domain\n</domain>\n---------^",
    );
}

#[test]
fn attribute_without_value() {
    check(
        "<domain type>\n</domain>\n",
        "(domain_definition):1: Specification mandates value for attribute type\n<domain type>\n------------^",
    );
}

#[test]
fn no_space_between_attributes() {
    check(
        "<domain type='a'name='b'/>\n",
        "(domain_definition):1: attributes construct error\n<domain type='a'name='b'/>\n----------------^",
    );
}

#[test]
fn empty_hex_char_ref() {
    check(
        "<domain>&#x;</domain>",
        "(domain_definition):1: xmlParseCharRef: invalid xmlChar value 0\n<domain>&#x;</domain>\n------------^",
    );
}

#[test]
fn bad_decimal_char_ref() {
    check(
        "<domain>&#12a;</domain>",
        "(domain_definition):1: CharRef: invalid decimal value\n<domain>&#12a;</domain>\n------------^",
    );
}

#[test]
fn char_ref_to_control_char() {
    check(
        "<domain>&#1;</domain>",
        "(domain_definition):1: xmlParseCharRef: invalid xmlChar value 1\n<domain>&#1;</domain>\n------------^",
    );
}

#[test]
fn entity_ref_without_semicolon() {
    check(
        "<domain>&foo</domain>",
        "(domain_definition):1: EntityRef: expecting ';'\n<domain>&foo</domain>\n------------^",
    );
}

#[test]
fn entity_ref_without_name() {
    check(
        "<domain>& x</domain>",
        "(domain_definition):1: xmlParseEntityRef: no name\n<domain>& x</domain>\n---------^",
    );
}

#[test]
fn cdata_end_in_text() {
    check(
        "<domain>a ]]> b</domain>",
        "(domain_definition):1: Sequence ']]>' not allowed in content\n<domain>a ]]> b</domain>\n--------^",
    );
}

#[test]
fn control_char_in_text() {
    check(
        "<domain>a \u{1} b</domain>",
        "(domain_definition):1: PCDATA invalid Char value 1\n<domain>a \u{1} b</domain>\n----------^",
    );
}

#[test]
fn control_char_in_attribute() {
    check(
        "<domain a='\u{1}'/>",
        "(domain_definition):1: invalid character in attribute value\n<domain a='\u{1}'/>\n-----------^",
    );
}

#[test]
fn unterminated_attribute_value() {
    check(
        "<domain a='x",
        "(domain_definition):1: AttValue: ' expected\n<domain a='x\n------------^",
    );
}

#[test]
fn undefined_entity_in_attribute() {
    check(
        "<domain a='&bar;'/>",
        "(domain_definition):1: Entity 'bar' not defined\n<domain a='&bar;'/>\n----------------^",
    );
}

#[test]
fn mismatch_after_multibyte_text() {
    check(
        "<domain><name>éé</nam></domain>",
        "(domain_definition):1: Opening and ending tag mismatch: name line 1 and nam\n<domain><name>éé</nam></domain>\n------------------------^",
    );
}

#[test]
fn end_tag_without_name() {
    check(
        "<domain></>",
        "(domain_definition):1: Opening and ending tag mismatch: domain line 1 and unparsable\n<domain></>\n-----------^",
    );
}

#[test]
fn mismatch_with_tab_indent() {
    check(
        "<domain>\n\t<name>x</nme>\n</domain>",
        "(domain_definition):2: Opening and ending tag mismatch: name line 2 and nme\n\t<name>x</nme>\n\t-------------^",
    );
}

#[test]
fn space_after_lt_after_comment() {
    check(
        "<!-- c -->\n<domain>< x</domain>",
        "(domain_definition):2: StartTag: invalid element name\n<domain>< x</domain>\n---------^",
    );
}

#[test]
fn extra_end_tag_after_declaration() {
    check(
        "<?xml version='1.0'?>\n<domain>\n</domain>\n</x>",
        "(domain_definition):4: Extra content at the end of the document\n</x>\n^",
    );
}

#[test]
fn lone_lt_after_root() {
    check(
        "<domain>\n</domain >\n<",
        "(domain_definition):3: Extra content at the end of the document\n<\n^",
    );
}

#[test]
fn space_then_eof_in_end_tag() {
    check(
        "<domain><name>x</name ",
        "(domain_definition):1: expected '>'\n<domain><name>x</name \n----------------------^",
    );
}

#[test]
fn prefixed_mismatch_uses_local_names() {
    check(
        "<domain><a:b></a:c></domain>",
        "(domain_definition):1: Opening and ending tag mismatch: b line 1 and c\n<domain><a:b></a:c></domain>\n-------------------^",
    );
}

#[test]
fn control_char_in_start_tag() {
    check(
        "<domain \u{1}/>",
        "(domain_definition):1: Couldn't find end of Start Tag domain line 1\n<domain \u{1}/>\n--------^",
    );
}

#[test]
fn premature_end_after_blank_lines() {
    check(
        "\n\n<domain><name>x</name>\n\n\n",
        "(domain_definition):6: Premature end of data in tag domain line 3\n(null)\n^",
    );
}

#[test]
fn lt_at_end_of_input() {
    check(
        "<domain><",
        "(domain_definition):1: StartTag: invalid element name\n<domain><\n---------^",
    );
}

#[test]
fn crlf_line_ends() {
    check(
        "<domain>\r\n<name>\r\n</domain>\r\n",
        "(domain_definition):3: Opening and ending tag mismatch: name line 2 and domain\n</domain>\n---------^",
    );
}

#[test]
fn duplicate_prefixed_attribute() {
    check(
        "<domain x:y='1' x:y='2'/>",
        "(domain_definition):1: Attribute x:y redefined\n<domain x:y='1' x:y='2'/>\n-----------------------^",
    );
}

#[test]
fn cdata_end_after_newline_reports_run_start() {
    check(
        "<d>abc\ndef ]]></d>",
        "(domain_definition):2: Sequence ']]>' not allowed in content\n<d>abc\n---^",
    );
}

#[test]
fn cdata_end_after_reference() {
    check(
        "<d>&lt;x ]]></d>",
        "(domain_definition):1: Sequence ']]>' not allowed in content\n<d>&lt;x ]]></d>\n-------^",
    );
}

#[test]
fn cdata_end_after_indent() {
    check(
        "<d>\n  a ]]></d>",
        "(domain_definition):2: Sequence ']]>' not allowed in content\n<d>\n---^",
    );
}

#[test]
fn control_char_on_second_line() {
    check(
        "<d>abc\ndef \u{1}</d>",
        "(domain_definition):2: PCDATA invalid Char value 1\ndef \u{1}</d>\n----^",
    );
}

#[test]
fn cdata_end_after_multibyte_text() {
    check(
        "<d>abéc ]]></d>",
        "(domain_definition):1: Sequence ']]>' not allowed in content\n<d>abéc ]]></d>\n---------^",
    );
}

#[test]
fn control_char_after_multibyte_line() {
    check(
        "<d>abé\nc \u{2}</d>",
        "(domain_definition):2: PCDATA invalid Char value 2\nc \u{2}</d>\n--^",
    );
}

#[test]
fn cdata_end_after_blank_line() {
    check(
        "<d>  \n  ]]></d>",
        "(domain_definition):2: Sequence ']]>' not allowed in content\n<d>  \n---^",
    );
}

#[test]
fn truncated_and_mutated_documents_give_errors_without_panicking() {
    let good = "<?xml version='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\r\n\
                <name>é&amp;x</name><![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/></domain>\n";
    assert!(parse_document(good, "domain_definition", ErrorDomain::Domain).is_ok());
    let mut cut = 0;
    for (k, _) in good
        .char_indices()
        .skip(1)
        .filter(|&(k, _)| k < good.len() - 1)
    {
        let msg = err(&good[..k]);
        assert!(msg.starts_with("(domain_definition):"), "{msg}");
        cut += 1;
    }
    assert!(cut > 100);
    for (k, ch) in good.char_indices() {
        for rep in [
            "<", "&", "]]>", "\"", "'", "\u{0}", "\u{1}", ">", "/", ":", "=", " ", "é",
        ] {
            let mut t = String::with_capacity(good.len() + 4);
            t.push_str(&good[..k]);
            t.push_str(rep);
            t.push_str(&good[k + ch.len_utf8()..]);
            // Either outcome is fine; it must not panic.
            let _ = parse_document(&t, "domain_definition", ErrorDomain::Domain);
        }
    }
}
