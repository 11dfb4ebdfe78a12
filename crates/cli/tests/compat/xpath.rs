//! `--xpath EXPR [--wrap]` of the dumpxml commands against stock virsh: node-sets of
//! elements, attributes and text, expressions of other types (virsh's "Incorrect xpath"
//! error), and invalid expressions (libxml2's messages on stderr).

use super::compat_args;

/// Runs `dumpxml test --xpath EXPR` with and without `--wrap` in both shells.
fn both(expr: &str) {
    compat_args(&["dumpxml", "test", "--xpath", expr]);
    compat_args(&["dumpxml", "test", "--xpath", expr, "--wrap"]);
}

macro_rules! xpath_cases {
    ($($name:ident => $expr:expr;)*) => {
        $( #[test] fn $name() { both($expr); } )*
    };
}

xpath_cases! {
    element => "/domain/name";
    descendant => "//target";
    attribute => "/domain/devices/disk/source/@file";
    all_attributes => "//@type";
    attribute_wildcard => "//target/@*";
    text_node => "/domain/name/text()";
    text_union => "/domain/os/type/text() | /domain/name/text()";
    union => "//name | //uuid";
    union_attr_element => "//name | //@id";
    nothing => "/nosuch";
    root => "/";
    parent_of_root => "..";
    context_children => "*";
    context_attributes => "@*";
    relative => "name";
    positional => "/domain/devices/*[2]";
    last => "/domain/devices/*[last()]/@model";
    predicate_attr => "//disk[@type='file']/target/@dev";
    predicate_name => "//*[name()='vcpu']";
    predicate_number => "//vcpu[. > 1]";
    predicate_chain => "//memory[@unit='KiB'][. div 1024 > 1000]";
    predicate_position => "//*[substring(name(),1,2)='on'][position() mod 2 = 1]";
    filter_expr => "(//address)[2]/@slot";
    leaves => "//*[not(*)][last()]";
    axes_sibling => "/domain/name/following-sibling::*[1]";
    axes_ancestor => "//disk/ancestor::*[1]";
    axes_preceding => "//uuid/preceding::*";
    axes_explicit => "/child::domain/attribute::type";
    local_name => "//@*[local-name()='bus']";
    boolean_ops => "//name[ . = 'test' and 1 = 1 or false()]";
    spaces => "/ domain / name";
    comments => "//comment()";
    string_result => "string(/domain/name)";
    count_result => "count(//disk)";
    number_result => "number(/domain/memory)";
    boolean_result => "boolean(/domain/name)";
    comparison_result => "/domain/name = 'test'";
    concat_result => "concat(/domain/name,'-x')";
    name_result => "name(/domain/*[1])";
    literal_result => "'abc'";
    arithmetic_result => "1 div 0";
    invalid_step => "/domain/[";
    invalid_trailing => "/domain/name]";
    invalid_empty_step => "//";
    invalid_blank => "   ";
    invalid_axis => "/domain/bogus::x";
    unclosed_predicate => "//name[1";
    unclosed_literal => "'abc";
    unclosed_node_type => "//name/text(";
    unknown_function => "foo(";
    unknown_function_in_predicate => "//name[foo()]";
    unknown_function_not_reached => "//nosuch[foo()]";
    undefined_variable => "$x";
    bad_arity => "count()";
    bad_type => "count(1)";
    bad_union => "string(//name) | //name";
    empty => "";
}

#[test]
fn namespaced_metadata() {
    let set = "metadata test http://x --set '<x k=\"v\">t</x>' --key a --config; ";
    for e in [
        "//metadata",
        "//metadata/*",
        "//*[local-name()='x']/@k",
        "//a:x",
        "//a:*",
        "//*[name()='a:x']",
        "//metadata//text()",
    ] {
        super::compat(&format!("{set}dumpxml test --inactive --xpath \"{e}\""));
    }
}

#[test]
fn other_dumpxml_commands() {
    compat_args(&["net-dumpxml", "default", "--xpath", "//ip/@address"]);
    compat_args(&["net-dumpxml", "default", "--xpath", "//range", "--wrap"]);
    compat_args(&["pool-dumpxml", "default-pool", "--xpath", "//path/text()"]);
    compat_args(&["iface-dumpxml", "eth1", "--xpath", "//mac"]);
    compat_args(&["nodedev-dumpxml", "computer", "--xpath", "count(//vendor)"]);
    compat_args(&["net-dumpxml", "default", "--xpath", "//ip["]);
}
