//! Malformed comments, CDATA sections, processing instructions and XML declarations:
//! libxml2's wording as virsh 9.0 (libxml2 2.9.14) prints it.

use super::syntax_tests::check;

#[test]
fn double_hyphen_in_comment_after_multibyte() {
    check(
        "<d><!-- é -- --></d>",
        "(domain_definition):1: Comment must not contain '--' (double-hyphen)\n<d><!-- é -- --></d>\n-------------^",
    );
}

#[test]
fn double_hyphen_before_text_after_multibyte() {
    check(
        "<d><!-- é --x --></d>",
        "(domain_definition):1: Comment must not contain '--' (double-hyphen)\n<d><!-- é --x --></d>\n-------------^",
    );
}

#[test]
fn double_hyphen_at_comment_start() {
    check(
        "<d><!----x --></d>",
        "(domain_definition):1: Double hyphen within comment\n<d><!----x --></d>\n-------^",
    );
}

#[test]
fn double_hyphen_after_single_hyphen() {
    check(
        "<d><!-- a-b --x --></d>",
        "(domain_definition):1: Double hyphen within comment: <!-- a-b \n<d><!-- a-b --x --></d>\n------------^",
    );
}

#[test]
fn double_hyphen_after_crlf_in_comment() {
    check(
        "<d><!-- a\r\nb --x --></d>",
        "(domain_definition):2: Double hyphen within comment: <!-- a\nb \nb --x --></d>\n--^",
    );
}

#[test]
fn control_char_in_comment_after_multibyte() {
    check(
        "<d><!-- é \u{1} --></d>",
        "(domain_definition):1: xmlParseComment: invalid xmlChar value 1\n<d><!-- é \u{1} --></d>\n-----------^",
    );
}

#[test]
fn control_char_in_ascii_comment() {
    check(
        "<d><!-- ab\u{1} --></d>",
        "(domain_definition):1: xmlParseComment: invalid xmlChar value 1\n<d><!-- ab\u{1} --></d>\n----------^",
    );
}

#[test]
fn unterminated_comment_after_multibyte() {
    check(
        "<d><!-- é",
        "(domain_definition):1: Comment not terminated\n<d><!-- é\n----------^",
    );
}

#[test]
fn unterminated_comment_ending_in_hyphen() {
    check(
        "<d><!-- é-",
        "(domain_definition):1: Comment not terminated\n<d><!-- é-\n-----------^",
    );
}

#[test]
fn unterminated_comment_ending_in_two_hyphens() {
    check(
        "<d><!-- é--",
        "(domain_definition):1: Comment not terminated \n<!-- é\n<d><!-- é--\n------------^",
    );
}

#[test]
fn control_char_in_cdata() {
    check(
        "<d><![CDATA[ab\u{1}cd]]></d>",
        "(domain_definition):1: CData section not finished\n\n<d><![CDATA[ab\u{1}cd]]></d>\n--------------^",
    );
}

#[test]
fn cdata_at_end_of_input() {
    check(
        "<d><![CDATA[",
        "(domain_definition):1: Unregistered error message\n<d><![CDATA[\n------------^",
    );
}

#[test]
fn long_unterminated_cdata() {
    check(
        "<d><![CDATA[xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "(domain_definition):1: CData section not finished\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n<d><![CDATA[xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n--------------------------------------------------------------------------------------------^",
    );
}

#[test]
fn control_char_in_pi() {
    check(
        "<d><?pi é\u{1}?></d>",
        "(domain_definition):1: ParsePI: PI pi never end ...\n<d><?pi é\u{1}?></d>\n----------^",
    );
}

#[test]
fn duplicate_attribute_across_lines() {
    check(
        "<d>\n\t<e a='1'\n\t   b='2' a='3'>\n</e></d>",
        "(domain_definition):3: Attribute a redefined\n\t   b='2' a='3'>\n\t--------------^",
    );
}

#[test]
fn mismatch_reports_innermost_open_element() {
    check(
        "<d>\n  <e>\n    <f>\n  </e>\n</d>",
        "(domain_definition):4: Opening and ending tag mismatch: f line 3 and e\n  </e>\n------^",
    );
}

#[test]
fn bad_hex_char_ref_in_attribute() {
    check(
        "<d a='&#xZZ;'/>",
        "(domain_definition):1: CharRef: invalid hexadecimal value\n<d a='&#xZZ;'/>\n---------^",
    );
}

#[test]
fn lt_in_attribute_on_second_line() {
    check(
        "<d a='x\n<y'/>",
        "(domain_definition):2: Unescaped '<' not allowed in attributes values\n<y'/>\n^",
    );
}

#[test]
fn mismatch_after_declaration_with_encoding() {
    check(
        "<?xml version='1.0' encoding='UTF-8'?>\n<d>\n</e>",
        "(domain_definition):3: Opening and ending tag mismatch: d line 2 and e\n</e>\n----^",
    );
}

#[test]
fn undefined_entity_in_standalone_document() {
    check(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<d>&x;</d>",
        "(domain_definition):2: Entity 'x' not defined\n<d>&x;</d>\n------^",
    );
}

#[test]
fn mismatch_after_byte_order_mark() {
    check(
        "\u{feff}<d></e>",
        "(domain_definition):1: Opening and ending tag mismatch: d line 1 and e\n\u{feff}<d></e>\n----------^",
    );
}

#[test]
fn text_after_trailing_comment_and_pi() {
    check(
        "<d><e/><e/></d>\n<!-- x -->\n<?pi x?>\n junk",
        "(domain_definition):4: Extra content at the end of the document\n junk\n-^",
    );
}

#[test]
fn mismatch_after_multibyte_char() {
    check(
        "<d>é</e>",
        "(domain_definition):1: Opening and ending tag mismatch: d line 1 and e\n<d>é</e>\n---------^",
    );
}

#[test]
fn start_tag_cut_after_attributes() {
    check(
        "<d\n  a='1'\n  b='2'\n",
        "(domain_definition):4: Couldn't find end of Start Tag d line 1\n(null)\n^",
    );
}

#[test]
fn lt_after_root_with_blank_in_end_tags() {
    check(
        "<d><e>text</e ></d ><",
        "(domain_definition):1: Extra content at the end of the document\n<d><e>text</e ></d ><\n--------------------^",
    );
}

#[test]
fn unterminated_comment_after_root() {
    check(
        "<d><!-- x --></d><!-- y",
        "(domain_definition):1: Comment not terminated\n<d><!-- x --></d><!-- y\n-----------------------^",
    );
}

#[test]
fn pi_without_target() {
    check(
        "<?",
        "(domain_definition):1: xmlParsePI : no target name\n<?\n--^",
    );
}

#[test]
fn xml_declaration_without_blank() {
    check(
        "<?xml",
        "(domain_definition):1: XML declaration allowed only at the start of the document\n<?xml\n-----^",
    );
}

#[test]
fn declaration_version_without_equals() {
    check(
        "<?xml version",
        "(domain_definition):1: expected '='\n<?xml version\n-------------^",
    );
}

#[test]
fn declaration_version_without_quote() {
    check(
        "<?xml version=",
        "(domain_definition):1: String not started expecting ' or \"\n<?xml version=\n--------------^",
    );
}

#[test]
fn declaration_version_unclosed() {
    check(
        "<?xml version='",
        "(domain_definition):1: String not closed expecting \" or '\n<?xml version='\n---------------^",
    );
}

#[test]
fn comment_open_at_end_of_input() {
    check(
        "<?xml version='1.0'?>\n<!--",
        "(domain_definition):2: Comment not terminated\n<!--\n----^",
    );
}

#[test]
fn comment_cut_at_double_hyphen() {
    check(
        "<?xml version='1.0'?>\n<!-- c --",
        "(domain_definition):2: Double hyphen within comment: <!-- c \n<!-- c --\n-------^",
    );
}

#[test]
fn cdata_open_at_end_of_input() {
    check(
        "<?xml version='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[",
        "(domain_definition):6: Unregistered error message\n<![CDATA[\n---------^",
    );
}

#[test]
fn cdata_cut_after_two_chars() {
    check(
        "<?xml version='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]",
        "(domain_definition):6: CData section not finished\n\n<![CDATA[ ]\n-----------^",
    );
}

#[test]
fn cdata_cut_inside_end_marker() {
    check(
        "<?xml version='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ",
        "(domain_definition):6: CData section not finished\n ]\n<![CDATA[ ]] \n-------------^",
    );
}

#[test]
fn pi_cut_after_blank() {
    check(
        "<?xml version='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi ",
        "(domain_definition):6: ParsePI: PI pi never end ...\n<![CDATA[ ]] ]]><?pi \n---------------------^",
    );
}

#[test]
fn declaration_needs_blank() {
    check(
        "<?xml version='1.0'?]]>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/>\n  <devices>\n    <disk type='file' device='disk'><source file='/x'/></disk>\n  </devices>\n</domain>\n",
        "(domain_definition):1: Blank needed here\n<?xml version='1.0'?]]>\n-------------------^",
    );
}

#[test]
fn declaration_needs_question_mark() {
    check(
        "<?xml version='1.0' >\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/>\n  <devices>\n    <disk type='file' device='disk'><source file='/x'/></disk>\n  </devices>\n</domain>\n",
        "(domain_definition):1: parsing XML declaration: '?>' expected\n<?xml version='1.0' >\n--------------------^",
    );
}

#[test]
fn declaration_without_version() {
    check(
        "<?xml versi<an='1.0'?>\n<!-- c -->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/>\n  <devices>\n    <disk type='file' device='disk'><source file='/x'/></disk>\n  </devices>\n</domain>\n",
        "(domain_definition):1: Malformed declaration expecting version\n<?xml versi<an='1.0'?>\n------^",
    );
}

#[test]
fn unterminated_comment_quotes_50_bytes() {
    check(
        "<?xml version='1.0'?>\n<!-- c ;->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/>\n  <devices>\n    <disk type='file' device='disk'><source file='/x'/></disk>\n  </devices>\n</domain>\n",
        "(domain_definition):12: Comment not terminated \n<!-- c ;->\n<domain type='test' x=\"&lt;&#65;\">\n  <name>\n(null)\n^",
    );
}

#[test]
fn double_hyphen_in_prolog_comment() {
    check(
        "<?xml version='1.0'?>\n<!-- c --x\n<domain type='test' x=\"&lt;&#65;\">\n  <name>é&amp;x</name>\n  <memory unit='KiB'>1024</memory>\n<![CDATA[ ]] ]]><?pi x?>\n\t<a:b xmlns:a='u'/>\n  <devices>\n    <disk type='file' device='disk'><source file='/x'/></disk>\n  </devices>\n</domain>\n",
        "(domain_definition):2: Double hyphen within comment: <!-- c \n<!-- c --x\n-------^",
    );
}
